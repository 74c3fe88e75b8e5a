// Loaded first: type-graphql decorators need the Reflect metadata API when classes are defined.
import "reflect-metadata";
export * from "./authorization";
export * from "./connection";
export * from "./env";
export * from "./errors";
export * from "./federation";
export * from "./ids";
export * from "./loaders";
export * from "./main";
export * from "./money";
export * from "./page-args";
export * from "./rating";
export * from "./scalars";
export * from "./server";
