// @edgewa/lambda: edgewa on AWS Lambda. The webhook handler for API Gateway v1/v2, ALB
// and Function URL events, the scheduled sweep, and a DynamoDB store.
export {
  toLambda,
  type LambdaClientSource,
  type LambdaHttpEvent,
  type LambdaHttpHandler,
  type LambdaHttpResult,
  type LambdaInvocation,
  type ToLambdaOptions,
} from "./handler.ts";
export { toScheduledHandler, type ScheduledHandler, type ScheduledInvocation } from "./scheduled.ts";
export { leaseFor, LEASE_SLACK_MS } from "./lease.ts";
export { DynamoDbStore, ATTR, type DynamoDbStoreOptions } from "./dynamodb-store.ts";
export { createTable, type CreateTableOptions } from "./create-table.ts";
