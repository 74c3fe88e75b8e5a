export * from "./client";
export * from "./migrate";
export * as tables from "./schema/index";
