import { type UpdateSource, toDate } from "./base.ts";
import { type Json, ShapeError, isObj, need, nonEmpty, num, obj, str } from "./json.ts";
import { type ReplyToMessage, parseReplyTo } from "./reply-context.ts";
import { messageContext } from "./sender.ts";
import { BaseUserUpdate } from "./user-update.ts";

/** A user finished a WhatsApp Flow (`interactive.nfm_reply` with `name: "flow"`). */
export class FlowCompletion extends BaseUserUpdate {
  readonly kind = "flowCompletion" as const;
  readonly id: string;
  readonly timestamp: Date;
  readonly type: "interactive";
  /** `nfm_reply.body`, usually "Sent". */
  readonly body: string | undefined;
  /**
   * The flow token the flow was sent with, taken out of `response`. Some iOS
   * clients omit it: then `undefined`.
   */
  readonly token: string | undefined;
  /** The data the flow's last screen completed with (`response_json`, without `flow_token`). */
  readonly response: Record<string, unknown>;
  /** The flow message the user answered. */
  readonly replyToMessage: ReplyToMessage | undefined;

  constructor(source: UpdateSource, value: Json, item: Json) {
    super(source, messageContext(value, item));
    this.id = need(nonEmpty(item.id), "message id");
    this.timestamp = toDate(num(item.timestamp));
    this.type = "interactive";
    const reply = obj(obj(item.interactive)?.nfm_reply);
    const json = need(str(reply?.response_json), "interactive.nfm_reply.response_json");
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new ShapeError("interactive.nfm_reply.response_json is not JSON");
    }
    if (!isObj(parsed)) throw new ShapeError("interactive.nfm_reply.response_json is not a JSON object");
    const { flow_token, ...response } = parsed;
    this.token = flow_token === undefined || flow_token === null ? undefined : String(flow_token);
    this.response = response;
    this.body = str(reply?.body);
    this.replyToMessage = parseReplyTo(item.context);
  }

  override get textFields(): readonly (string | undefined)[] {
    return [this.token, this.body];
  }
}
