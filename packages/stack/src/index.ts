export { PortInUseError } from "./errors";
export { type RunningStack, type StackOptions, startStack } from "./start-stack";
export { ephemeralKeyRing } from "./subgraph-deps";
export {
  DEFAULT_PORTS,
  ROUTER_PORT,
  SUBGRAPHS,
  type ServiceName,
  type StackSubgraphDeps,
  type SubgraphEntry,
  type SubgraphName,
  type SubgraphPackage,
} from "./subgraphs";
