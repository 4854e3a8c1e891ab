export { createBot } from "./bot.ts";
export { signup } from "./signup.ts";
export { addSignupFlow, SIGNUP_FLOW_PATH } from "./flow.ts";
