export type { Bus, EventHandler, SubscribeOptions, Subscription } from "./bus";
export {
  type ConsumeOnceOptions,
  type ConsumerHandler,
  type ConsumerOptions,
  consumeOnce,
  type ProcessedEventsTable,
  pruneProcessedEvents,
  subscribeConsumer,
} from "./consume";
export { createBus } from "./create-bus";
export { type EventEnvelope, type EventPayload, newEventId, type TypePattern, typeMatcher } from "./envelope";
export { InProcessBus } from "./in-process-bus";
export { BUS_CHANNEL, OUTBOX_CHANNEL } from "./listen";
export {
  type Executor,
  type NewEvent,
  notifyRelays,
  type OutboxTable,
  prunePublished,
  type WriteOptions,
  writeToOutbox,
} from "./outbox";
export { PostgresBus, type PostgresBusOptions } from "./postgres-bus";
export {
  type Housekeeping,
  type HousekeepingOptions,
  type HousekeepingReport,
  PROCESSED_EVENTS,
  startHousekeeping,
} from "./housekeeping";
export { createRelay, type Relay, type RelayOptions } from "./relay";
export { OUTBOXES, type RunningRelays, startRelays } from "./relays";
export type { LoopTiming } from "./wake-loop";
