import { setMaxListeners } from "node:events";
import {
  createPubSub as createYogaPubSub,
  type PubSubEventTarget,
  type RepeaterBuffer,
  type PubSub as YogaPubSub,
} from "@graphql-yoga/subscription";

export type { PubSub } from "type-graphql";

/** Topic → the arguments of `publish` (payload, or id and payload), as yoga's pub/sub types them. */
export type PublishArgsByTopic = Record<string, [] | [unknown] | [number | string, unknown]>;

/**
 * An in-process pub/sub for `buildFederatedSchema({ pubSub })` and `@Subscription({ topics })`
 * (yoga's, which type-graphql 2 is built for). Each subscriber is one listener on its topic, and
 * thousands are normal, so Node's "possible leak" warning after 10 is turned off. To fan events
 * out across processes, pass an `eventTarget` fed by the event bus.
 */
export function createPubSub<T extends PublishArgsByTopic>(
  config: { eventTarget?: PubSubEventTarget<T>; repeaterBuffer?: RepeaterBuffer } = {},
): YogaPubSub<T> {
  const eventTarget = config.eventTarget ?? (new EventTarget() as PubSubEventTarget<T>);
  setMaxListeners(0, eventTarget as unknown as EventTarget);
  return createYogaPubSub<T>({ ...config, eventTarget });
}
