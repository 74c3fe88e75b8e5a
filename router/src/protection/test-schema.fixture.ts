import { buildSchema } from "graphql";

/** A small shop schema for the protection and authorization unit tests. */
export const shopSchema = buildSchema(`
  type Query {
    product(id: ID!): Product
    products(first: Int = 20, after: String): ProductConnection!
    trending(first: Int = 10): [Product!]!
    categories: [Category!]!
    me: User
    search(query: String!): [Product!]!
  }
  type Mutation { addReview(text: String!): Review! }
  type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! totalCount: Int! pageInfo: PageInfo! }
  type ProductEdge { cursor: String! node: Product! }
  type PageInfo { hasNextPage: Boolean! }
  type Product {
    id: ID! title: String! tags: [String!]! price: Money!
    seller: Seller!
    reviews(first: Int, last: Int): [Review!]!
  }
  type Money { amount: Int! currency: String! }
  type Seller { id: ID! name: String! owner: User }
  type Review { id: ID! text: String! author: User! }
  type Category { id: ID! children: [Category!]! }
  type User { id: ID! name: String! email: String addresses: [Address!] secret: Secret orders: [Order!]! }
  type Order { id: ID! total: Int! }
  type Address { id: ID! city: String! }
  type Secret { code: String! }
`);
