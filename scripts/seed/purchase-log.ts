/**
 * Every line of every order that was not cancelled, column-wise so that the history of a large
 * seed (hundreds of thousands of lines) stays small in memory. Reviews and interactions read it.
 */
export class PurchaseLog {
  readonly orderIndex: number[] = [];
  readonly position: number[] = [];
  readonly product: number[] = [];
  readonly user: number[] = [];
  readonly quantity: number[] = [];
  /** Epoch milliseconds of the order's placement. */
  readonly at: number[] = [];

  get length(): number {
    return this.product.length;
  }

  add(entry: { orderIndex: number; position: number; product: number; user: number; quantity: number; at: number }) {
    this.orderIndex.push(entry.orderIndex);
    this.position.push(entry.position);
    this.product.push(entry.product);
    this.user.push(entry.user);
    this.quantity.push(entry.quantity);
    this.at.push(entry.at);
  }
}
