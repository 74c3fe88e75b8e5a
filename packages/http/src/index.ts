export * from "./apollo-handler";
export * from "./body";
export * from "./http-server";
export * from "./respond";
