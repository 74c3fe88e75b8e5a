/** Names and places for users, addresses and stores. */

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Mia", "Lucas", "Harper", "Mateo",
  "Evelyn", "Levi", "Aria", "Ezra", "Chloe", "Kai", "Layla", "Hudson", "Zoe", "Theo", "Nora", "Rowan",
  "Priya", "Arjun", "Mei", "Hiro", "Fatima", "Omar", "Ines", "Diego", "Aisha", "Kwame", "Freya", "Lars",
  "Sofia", "Marco", "Yara", "Tomas", "Leila", "Andrei", "Hana", "Jin", "Camila", "Rafael", "Ingrid", "Malik",
];

export const LAST_NAMES = [
  "Smith", "Johnson", "Garcia", "Brown", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson",
  "Thomas", "Moore", "Jackson", "Lee", "Nguyen", "Patel", "Kim", "Chen", "Walker", "Young", "Hall", "Rivera",
  "Campbell", "Mitchell", "Okafor", "Haddad", "Novak", "Schmidt", "Rossi", "Dubois", "Tanaka", "Silva",
  "Kowalski", "Larsen", "Murphy", "O'Connor", "Singh", "Cohen", "Ali", "Ivanova",
];


const digits = (n: number, draw: () => number) =>
  Array.from({ length: n }, () => String(Math.floor(draw() * 10))).join("");

/** Places for addresses; postal codes are `prefix` plus random digits. */
export const CITIES: { city: string; region: string | null; country: string; postalDigits: number; prefix: string }[] = [
  { city: "Seattle", region: "WA", country: "US", postalDigits: 3, prefix: "98" },
  { city: "Portland", region: "OR", country: "US", postalDigits: 3, prefix: "97" },
  { city: "Austin", region: "TX", country: "US", postalDigits: 3, prefix: "78" },
  { city: "Chicago", region: "IL", country: "US", postalDigits: 3, prefix: "60" },
  { city: "Brooklyn", region: "NY", country: "US", postalDigits: 3, prefix: "11" },
  { city: "Denver", region: "CO", country: "US", postalDigits: 3, prefix: "80" },
  { city: "Atlanta", region: "GA", country: "US", postalDigits: 3, prefix: "30" },
  { city: "San Diego", region: "CA", country: "US", postalDigits: 3, prefix: "92" },
  { city: "Boston", region: "MA", country: "US", postalDigits: 3, prefix: "02" },
  { city: "Minneapolis", region: "MN", country: "US", postalDigits: 3, prefix: "55" },
  { city: "Toronto", region: "ON", country: "CA", postalDigits: 0, prefix: "M5V 2T6" },
  { city: "Vancouver", region: "BC", country: "CA", postalDigits: 0, prefix: "V6B 1A1" },
];

export function postalCode(place: (typeof CITIES)[number], draw: () => number): string {
  return `${place.prefix}${digits(place.postalDigits, draw)}`;
}

export const STREETS = ["Maple", "Oak", "Cedar", "Pine", "Elm", "Lake", "Hill", "Park", "River", "Sunset", "Main", "Church"];
export const STREET_KINDS = ["St", "Ave", "Rd", "Blvd", "Ln", "Way"];

/** The first store is the demo seller's; the roots say what each store mostly sells. */
export const STORES: { name: string; roots: string[]; tagline: string }[] = [
  { name: "Sam's Gadget Garage", roots: ["Electronics"], tagline: "Tested gadgets and the cables to go with them." },
  { name: "Northwind Audio", roots: ["Electronics"], tagline: "Headphones and speakers for people who listen closely." },
  { name: "Copper Pot Kitchenware", roots: ["Home & Kitchen"], tagline: "Cookware built to outlast the recipe." },
  { name: "Thread & Needle", roots: ["Fashion"], tagline: "Everyday clothing in honest fabrics." },
  { name: "Trailhead Outfitters", roots: ["Sports & Outdoors"], tagline: "Gear for the first mile and the fiftieth." },
  { name: "Dog-Eared Books", roots: ["Books"], tagline: "Independent booksellers since 1998." },
  { name: "Little Wonders Toys", roots: ["Toys & Games"], tagline: "Toys that grow with curious kids." },
  { name: "Glow Theory Beauty", roots: ["Beauty & Personal Care"], tagline: "Clean skincare, clearly labelled." },
  { name: "Pixel Plaza", roots: ["Electronics"], tagline: "Phones, laptops and everything in between." },
  { name: "Nest & Nook", roots: ["Home & Kitchen"], tagline: "Cosy things for calm homes." },
  { name: "Urban Stride", roots: ["Fashion"], tagline: "Shoes and bags for city miles." },
  { name: "Peak Performance", roots: ["Sports & Outdoors"], tagline: "Train harder, recover better." },
  { name: "Page Turners", roots: ["Books"], tagline: "Bestsellers and hidden gems." },
  { name: "Game Night Co.", roots: ["Toys & Games"], tagline: "Board games for every table." },
  { name: "The Home Edit Shop", roots: ["Home & Kitchen", "Beauty & Personal Care"], tagline: "Organised homes, unhurried mornings." },
  { name: "Volt Street", roots: ["Electronics", "Sports & Outdoors"], tagline: "Wearables and gear for active lives." },
  { name: "Linen & Loom", roots: ["Home & Kitchen", "Fashion"], tagline: "Natural fibres for bed and body." },
  { name: "Wild Path Supply", roots: ["Sports & Outdoors", "Fashion"], tagline: "Outerwear that shrugs off the weather." },
  { name: "Story Box", roots: ["Books", "Toys & Games"], tagline: "Books and toys that spark imagination." },
  { name: "Daily Ritual", roots: ["Beauty & Personal Care", "Home & Kitchen"], tagline: "Small luxuries for every day." },
  { name: "Bright Sparks Electronics", roots: ["Electronics"], tagline: "Chargers, cables and clever kit." },
  { name: "Hearthside Living", roots: ["Home & Kitchen"], tagline: "Heirloom-quality homeware." },
  { name: "Second Chapter", roots: ["Books"], tagline: "Fiction, food and big ideas." },
  { name: "Fresh Kicks Outlet", roots: ["Fashion"], tagline: "Sneakers at honest prices." },
];

/** Names for stores beyond the curated list at larger scales. */
export const STORE_WORDS = {
  first: ["Blue", "Golden", "Cedar", "Harbor", "Maple", "North", "Silver", "Sunny", "Urban", "Willow", "Prairie", "Coastal"],
  second: ["Market", "Goods", "Supply", "Trading Co.", "Emporium", "Collective", "Depot", "Studio", "Outlet", "Corner"],
};
