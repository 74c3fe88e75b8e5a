/** List sizes of the recommendation fields; shared by the GraphQL arguments and the services. */
export const MAX_RECOMMENDATIONS = 50;

export const DEFAULT_RECOMMENDATIONS = 4;
export const DEFAULT_BOUGHT_TOGETHER = 3;
export const DEFAULT_TRENDING = 10;

/** How far back a purchase counts towards trending. */
export const TRENDING_WINDOW_DAYS = 30;
