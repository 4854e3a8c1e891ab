import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { WhatsAppOptions } from "@edgewa/core";
import { DynamoDbStore } from "@edgewa/lambda";

/**
 * The bot's settings, from the function's environment (template.yaml sets them from
 * the stack's parameters). Read once per container, at cold start; so are the
 * DynamoDB client and its connections, which every invocation of the container reuses.
 */
function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set: see examples/lambda/template.yaml`);
  return value;
}

export const store = new DynamoDbStore({
  // Region and credentials come from the Lambda environment (AWS_ENDPOINT_URL_DYNAMODB points it elsewhere).
  client: new DynamoDBClient({}),
  tableName: required("TABLE_NAME"),
});

export const botOptions: WhatsAppOptions = {
  phoneId: required("WHATSAPP_PHONE_ID"),
  token: required("WHATSAPP_TOKEN"),
  appSecret: required("WHATSAPP_APP_SECRET"),
  verifyToken: required("WHATSAPP_VERIFY_TOKEN"),
  graphUrl: process.env["WHATSAPP_GRAPH_URL"] || undefined,
  store,
};
