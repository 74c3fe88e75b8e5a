/** Word lists for the catalogue. Prices are in cents; option `step` is added per value position. */

export interface OptionSpec {
  name: string;
  values: string[];
  /** Price added per position in `values`, e.g. each storage tier costs more. */
  step?: number;
}

export interface LeafSpec {
  name: string;
  nouns: string[];
  brands: string[];
  price: [number, number];
  options?: OptionSpec[];
  attributes?: Record<string, string[]>;
  features: string[];
  /** Slugs of leaves whose products are often bought with this one's (phone → case). */
  pairsWith?: string[];
  /** Books are titled, not named after a brand. */
  titled?: boolean;
}

export interface CategorySpec {
  name: string;
  children?: CategorySpec[];
  leaf?: LeafSpec;
}

export const COLOURS = ["Black", "White", "Navy", "Grey", "Olive", "Red", "Sand", "Sky Blue"];
const colour: OptionSpec = { name: "Colour", values: COLOURS };
const apparelSize: OptionSpec = { name: "Size", values: ["XS", "S", "M", "L", "XL"] };
const shoeSize: OptionSpec = { name: "Size", values: ["6", "7", "8", "9", "10", "11", "12"] };
const storage: OptionSpec = { name: "Storage", values: ["64 GB", "128 GB", "256 GB", "512 GB"], step: 10_000 };
const laptopStorage: OptionSpec = { name: "Storage", values: ["256 GB", "512 GB", "1 TB", "2 TB"], step: 20_000 };
const bedSize: OptionSpec = { name: "Size", values: ["Twin", "Full", "Queen", "King"], step: 1_500 };
const pack: OptionSpec = { name: "Pack", values: ["Single", "2-pack", "4-pack"], step: 900 };
const format: OptionSpec = { name: "Format", values: ["Paperback", "Hardcover", "Audiobook"], step: 700 };
const capacity: OptionSpec = { name: "Capacity", values: ["1.5 qt", "3 qt", "5 qt", "8 qt"], step: 1_200 };
const material = { Material: ["Aluminium", "Recycled plastic", "Stainless steel", "Bamboo", "Glass"] };
const warranty = { Warranty: ["1 year", "2 years", "3 years"] };
const fabric = { Fabric: ["Organic cotton", "Linen", "Merino wool", "Recycled polyester"], Fit: ["Regular", "Slim", "Relaxed"] };

const tech = ["Voltra", "Nimbus", "Aurora", "Kestrel", "Pixelon", "Helix", "Quanta", "Orbit"];
const home = ["Hearth & Co.", "Copperline", "Nordhem", "Maple Lane", "Casa Verde", "Kettleworth"];
const wear = ["Lumen", "Northbound", "Fieldhouse", "Saltwater", "Atelier Nine", "Common Thread"];
const sport = ["Trailmark", "Summit Gear", "Peakform", "Riverstone", "Velocity", "Basecamp"];
const press = ["Harbor Press", "Lantern Books", "Greywood", "Ink & Oak", "Paper Moon"];
const play = ["Brightblock", "Tinker Toys Co.", "Happy Meeple", "Wonderkin", "Puzzleworks"];
const care = ["Glow Theory", "Pure Botanica", "Dew & Co.", "Verdant", "Silk Rituals"];

const leaf = (spec: LeafSpec): CategorySpec => ({ name: spec.name, leaf: spec });

export const CATEGORY_TREE: CategorySpec[] = [
  {
    name: "Electronics",
    children: [
      {
        name: "Phones & Accessories",
        children: [
          leaf({ name: "Smartphones", nouns: ["Smartphone", "5G Phone", "Phone Mini"], brands: tech, price: [29_900, 109_900], options: [storage, colour], attributes: warranty, features: ["an all-day battery", "a 120 Hz OLED display", "a triple-lens camera"], pairsWith: ["phone-cases", "chargers-and-cables", "headphones"] }),
          leaf({ name: "Phone Cases", nouns: ["Phone Case", "Folio Case", "Clear Case"], brands: tech, price: [1_499, 4_999], options: [colour], attributes: material, features: ["drop protection up to 3 m", "a slim profile", "raised camera edges"], pairsWith: ["smartphones", "chargers-and-cables"] }),
          leaf({ name: "Chargers & Cables", nouns: ["USB-C Charger", "Braided Cable", "Wireless Charging Pad", "Power Bank"], brands: tech, price: [999, 5_999], options: [pack], attributes: warranty, features: ["fast charging", "a braided nylon jacket", "overheat protection"], pairsWith: ["smartphones", "phone-cases", "laptops"] }),
        ],
      },
      {
        name: "Computers",
        children: [
          leaf({ name: "Laptops", nouns: ["Ultrabook", "Laptop", "Creator Laptop"], brands: tech, price: [59_900, 249_900], options: [laptopStorage], attributes: warranty, features: ["a backlit keyboard", "a 14-inch display", "up to 18 hours of battery"], pairsWith: ["keyboards-and-mice", "monitors", "chargers-and-cables"] }),
          leaf({ name: "Monitors", nouns: ["4K Monitor", "Curved Monitor", "Portable Monitor"], brands: tech, price: [14_900, 79_900], attributes: warranty, features: ["an IPS panel", "USB-C power delivery", "a height-adjustable stand"], pairsWith: ["laptops", "keyboards-and-mice"] }),
          leaf({ name: "Keyboards & Mice", nouns: ["Mechanical Keyboard", "Wireless Mouse", "Ergonomic Keyboard"], brands: tech, price: [1_999, 17_900], options: [colour], attributes: warranty, features: ["hot-swappable switches", "a silent click", "multi-device pairing"], pairsWith: ["laptops", "monitors"] }),
        ],
      },
      {
        name: "Audio",
        children: [
          leaf({ name: "Headphones", nouns: ["Wireless Earbuds", "Over-Ear Headphones", "Sport Earphones"], brands: tech, price: [2_999, 39_900], options: [colour], attributes: warranty, features: ["active noise cancelling", "30 hours of playback", "a transparency mode"], pairsWith: ["smartphones", "speakers"] }),
          leaf({ name: "Speakers", nouns: ["Bluetooth Speaker", "Smart Speaker", "Soundbar"], brands: tech, price: [3_999, 49_900], options: [colour], attributes: warranty, features: ["360-degree sound", "IP67 water resistance", "deep bass"], pairsWith: ["headphones"] }),
        ],
      },
      leaf({ name: "Cameras", nouns: ["Mirrorless Camera", "Action Camera", "Instant Camera"], brands: tech, price: [8_999, 189_900], attributes: warranty, features: ["4K video", "in-body stabilisation", "a flip-out screen"], pairsWith: ["bags-and-accessories", "chargers-and-cables"] }),
      leaf({ name: "Wearables", nouns: ["Smartwatch", "Fitness Tracker", "Smart Ring"], brands: tech, price: [4_999, 44_900], options: [colour], attributes: warranty, features: ["heart-rate tracking", "GPS", "a week of battery"], pairsWith: ["fitness", "chargers-and-cables"] }),
    ],
  },
  {
    name: "Home & Kitchen",
    children: [
      leaf({ name: "Cookware", nouns: ["Saucepan", "Frying Pan", "Dutch Oven", "Stockpot"], brands: home, price: [2_499, 29_900], options: [capacity], attributes: material, features: ["an induction-ready base", "stay-cool handles", "oven-safe construction"], pairsWith: ["small-appliances", "cookbooks"] }),
      leaf({ name: "Small Appliances", nouns: ["Electric Kettle", "Blender", "Coffee Grinder", "Toaster"], brands: home, price: [2_999, 34_900], options: [colour], attributes: warranty, features: ["precise temperature control", "a dishwasher-safe jug", "one-touch presets"], pairsWith: ["cookware"] }),
      leaf({ name: "Bedding", nouns: ["Duvet Cover", "Sheet Set", "Pillow", "Weighted Blanket"], brands: home, price: [2_999, 24_900], options: [bedSize, colour], attributes: fabric, features: ["breathable fabric", "hidden button closures", "a soft washed finish"], pairsWith: ["home-decor"] }),
      leaf({ name: "Home Decor", nouns: ["Table Lamp", "Wall Mirror", "Throw Cushion", "Ceramic Vase"], brands: home, price: [1_999, 19_900], options: [colour], attributes: material, features: ["handmade details", "a warm ambient glow", "a timeless silhouette"], pairsWith: ["bedding", "storage-and-organization"] }),
      leaf({ name: "Storage & Organization", nouns: ["Storage Basket", "Drawer Organizer", "Shoe Rack", "Pantry Jars"], brands: home, price: [999, 8_999], options: [pack], attributes: material, features: ["stackable design", "airtight lids", "easy assembly"], pairsWith: ["home-decor"] }),
    ],
  },
  {
    name: "Fashion",
    children: [
      {
        name: "Women's Clothing",
        children: [
          leaf({ name: "Dresses", nouns: ["Wrap Dress", "Midi Dress", "Shirt Dress"], brands: wear, price: [3_999, 18_900], options: [apparelSize, colour], attributes: fabric, features: ["a flattering drape", "side pockets", "a relaxed fit"], pairsWith: ["shoes", "bags-and-accessories"] }),
          leaf({ name: "Tops", nouns: ["Linen Blouse", "Knit Sweater", "Everyday Tee"], brands: wear, price: [1_999, 12_900], options: [apparelSize, colour], attributes: fabric, features: ["a soft hand feel", "reinforced seams", "a boxy cut"], pairsWith: ["dresses", "shoes"] }),
        ],
      },
      {
        name: "Men's Clothing",
        children: [
          leaf({ name: "Shirts", nouns: ["Oxford Shirt", "Flannel Shirt", "Polo Shirt"], brands: wear, price: [2_999, 11_900], options: [apparelSize, colour], attributes: fabric, features: ["a button-down collar", "a tailored fit", "pre-shrunk cotton"], pairsWith: ["jackets", "shoes"] }),
          leaf({ name: "Jackets", nouns: ["Rain Jacket", "Puffer Jacket", "Chore Coat"], brands: wear, price: [7_999, 34_900], options: [apparelSize, colour], attributes: fabric, features: ["a water-repellent finish", "zip pockets", "a packable hood"], pairsWith: ["shirts", "camping-and-hiking"] }),
        ],
      },
      leaf({ name: "Shoes", nouns: ["Running Shoes", "Leather Sneakers", "Chelsea Boots", "Trail Shoes"], brands: wear, price: [4_999, 24_900], options: [shoeSize, colour], attributes: material, features: ["a cushioned midsole", "a grippy outsole", "a padded collar"], pairsWith: ["bags-and-accessories", "fitness"] }),
      leaf({ name: "Bags & Accessories", nouns: ["Tote Bag", "Backpack", "Leather Belt", "Wool Beanie"], brands: wear, price: [1_999, 19_900], options: [colour], attributes: material, features: ["a padded laptop sleeve", "water-resistant canvas", "solid brass hardware"], pairsWith: ["shoes", "dresses"] }),
    ],
  },
  {
    name: "Sports & Outdoors",
    children: [
      leaf({ name: "Fitness", nouns: ["Yoga Mat", "Adjustable Dumbbells", "Resistance Bands", "Foam Roller"], brands: sport, price: [1_499, 39_900], options: [colour], attributes: material, features: ["a non-slip surface", "compact storage", "gym-grade durability"], pairsWith: ["wearables", "team-sports"] }),
      leaf({ name: "Camping & Hiking", nouns: ["2-Person Tent", "Sleeping Bag", "Trekking Poles", "Headlamp"], brands: sport, price: [1_999, 44_900], options: [colour], attributes: material, features: ["an ultralight build", "a weatherproof shell", "a compact pack size"], pairsWith: ["jackets", "cycling"] }),
      leaf({ name: "Cycling", nouns: ["Bike Helmet", "Bike Light Set", "Cycling Gloves", "Frame Bag"], brands: sport, price: [1_499, 19_900], options: [apparelSize], attributes: material, features: ["MIPS protection", "USB recharging", "reflective details"], pairsWith: ["camping-and-hiking", "fitness"] }),
      leaf({ name: "Team Sports", nouns: ["Soccer Ball", "Basketball", "Training Cones", "Shin Guards"], brands: sport, price: [999, 8_999], options: [pack], attributes: material, features: ["match-grade stitching", "all-weather grip", "bright training colours"], pairsWith: ["fitness"] }),
    ],
  },
  {
    name: "Books",
    children: [
      leaf({ name: "Fiction", titled: true, nouns: ["Novel"], brands: press, price: [999, 2_999], options: [format], features: ["a gripping plot", "unforgettable characters", "an award-winning author"], pairsWith: ["fiction", "non-fiction"] }),
      leaf({ name: "Non-fiction", titled: true, nouns: ["Book"], brands: press, price: [1_299, 3_499], options: [format], features: ["rigorous research", "practical takeaways", "vivid storytelling"], pairsWith: ["fiction"] }),
      leaf({ name: "Children's Books", titled: true, nouns: ["Picture Book"], brands: press, price: [699, 1_999], options: [format], features: ["bright illustrations", "rhyming text", "sturdy pages"], pairsWith: ["building-sets", "puzzles"] }),
      leaf({ name: "Cookbooks", titled: true, nouns: ["Cookbook"], brands: press, price: [1_999, 4_499], options: [format], features: ["120 tested recipes", "weeknight-friendly dishes", "beautiful photography"], pairsWith: ["cookware", "small-appliances"] }),
    ],
  },
  {
    name: "Toys & Games",
    children: [
      leaf({ name: "Board Games", nouns: ["Strategy Game", "Party Game", "Co-op Adventure"], brands: play, price: [1_999, 8_999], features: ["2 to 6 players", "45-minute plays", "beautiful components"], pairsWith: ["puzzles"] }),
      leaf({ name: "Building Sets", nouns: ["Castle Building Set", "Space Station Kit", "Magnetic Tiles"], brands: play, price: [1_999, 14_900], features: ["hundreds of pieces", "step-by-step instructions", "endless rebuilds"], pairsWith: ["childrens-books"] }),
      leaf({ name: "Puzzles", nouns: ["1000-Piece Puzzle", "Wooden Puzzle", "3D Puzzle"], brands: play, price: [1_299, 4_999], features: ["thick, snug pieces", "a poster guide", "a gift-ready box"], pairsWith: ["board-games"] }),
      leaf({ name: "Outdoor Play", nouns: ["Kite", "Water Blaster", "Balance Bike", "Swing Set"], brands: play, price: [1_499, 29_900], options: [colour], features: ["weather-proof materials", "easy set-up", "hours of fresh-air fun"], pairsWith: ["team-sports"] }),
    ],
  },
  {
    name: "Beauty & Personal Care",
    children: [
      leaf({ name: "Skincare", nouns: ["Daily Moisturiser", "Vitamin C Serum", "Gentle Cleanser", "SPF 50 Sunscreen"], brands: care, price: [1_299, 6_999], options: [pack], features: ["fragrance-free formulas", "dermatologist testing", "recyclable packaging"], pairsWith: ["hair-care"] }),
      leaf({ name: "Hair Care", nouns: ["Repair Shampoo", "Leave-in Conditioner", "Hair Dryer"], brands: care, price: [999, 19_900], options: [pack], features: ["sulphate-free care", "salon results", "a lightweight feel"], pairsWith: ["skincare"] }),
      leaf({ name: "Fragrance", nouns: ["Eau de Parfum", "Solid Perfume", "Scented Candle"], brands: care, price: [2_499, 14_900], features: ["notes of cedar and citrus", "long-lasting wear", "a refillable bottle"], pairsWith: ["skincare"] }),
    ],
  },
];

export const ADJECTIVES = ["Classic", "Everyday", "Pro", "Essential", "Premium", "Compact", "Ultra", "Signature", "Lite", "Studio", "Travel", "Eco"];
export const MODELS = ["", "", "", " 2", " X", " Plus", " Max", " SE", " Air", " 3"];

export const BOOK_WORDS = {
  openers: ["The", "A", "Our", "Beyond the", "Under the", "Letters from the"],
  adjectives: ["Silent", "Hidden", "Last", "Golden", "Winter", "Salt", "Paper", "Wild", "Midnight", "Lost", "Quiet", "Burning"],
  nouns: ["Harbor", "Garden", "Orchard", "Lighthouse", "Kitchen", "River", "Archive", "Forest", "Atlas", "Table", "Island", "Kingdom"],
};
