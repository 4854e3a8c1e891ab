export { createBot } from "./bot.ts";
export { signup } from "./signup.ts";
