/**
 * The scheduled function (every minute, see template.yaml): fires the signup
 * conversation's timeouts that are due, so a user who stopped answering gets
 * "You took too long" without writing again. Same bot, same handlers, same table.
 */
import { createBot } from "@edgewa/example-bot";
import { toScheduledHandler } from "@edgewa/lambda";
import { botOptions } from "./config.ts";

export const handler = toScheduledHandler(createBot(botOptions));
