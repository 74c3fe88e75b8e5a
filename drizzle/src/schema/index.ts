export * from "./catalog";
export * from "./orders";
export * from "./recommendations";
export * from "./sellers";
export * from "./users";
