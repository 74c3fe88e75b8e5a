export * from "./catalog";
export * from "./events";
export * from "./orders";
export * from "./recommendations";
export * from "./sellers";
export * from "./users";
