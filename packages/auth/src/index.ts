export * from "./access-token";
export * from "./key-ring";
export * from "./key-sets";
export * from "./roles";
export * from "./token-config";
export * from "./viewer";
