"""The store's product catalogue: what the demo POS sells, at which price (in euro cents)."""

from dataclasses import dataclass

CURRENCY = "EUR"

# Categories that make up a meal deal (see discounts.py).
MEAL_DEAL_CATEGORIES = frozenset({"sandwich", "drink", "snack"})


@dataclass(frozen=True)
class Product:
    id: int
    name: str
    sku: str  # EAN-13 barcode
    category: str
    price_cents: int | None  # None: nobody entered a price (the pricing failure)


PRODUCTS: tuple[Product, ...] = (
    Product(1, "Whole Milk 1L", "8710526018152", "dairy", 119),
    Product(2, "Free-Range Eggs (12)", "8710908301667", "dairy", 389),
    Product(3, "Aged Gouda Slices 200g", "8710131860917", "dairy", 329),
    Product(4, "Greek Yoghurt 500g", "8710390996037", "dairy", 245),
    Product(5, "Sourdough Loaf 800g", "8710082462819", "bakery", 349),
    Product(6, "Butter Croissant", "8710948219939", "bakery", 135),
    Product(7, "Cinnamon Bun", "8710518190934", "bakery", 175),
    Product(8, "Chicken Caesar Wrap", "8710786579752", "sandwich", 459),
    Product(9, "Egg & Cress Sandwich", "8710432319480", "sandwich", 329),
    Product(10, "Tuna Melt Panini", "8710757491182", "sandwich", 495),
    Product(11, "Sparkling Water 500ml", "8710625276019", "drink", 99),
    Product(12, "Cold Brew Coffee 250ml", "8710895559799", "drink", 289),
    Product(13, "Orange Juice 1L", "8710711471045", "drink", 269),
    Product(14, "Sea Salt Crisps 150g", "8710974650751", "snack", 199),
    Product(15, "Dark Chocolate 72% 100g", "8710291703420", "snack", 229),
    Product(16, "Salted Cashews 200g", "8710366712760", "snack", 399),
    Product(17, "Bananas (bunch of 5)", "8710842684659", "produce", 159),
    Product(18, "Vine Tomatoes 500g", "8710632122330", "produce", 249),
    Product(19, "Hass Avocado", "8710079244022", "produce", 119),
    Product(20, "Washing-Up Liquid 500ml", "8710685995288", "household", 189),
    Product(21, "Kitchen Roll (2 rolls)", "8710907866662", "household", 279),
    Product(22, "AA Batteries (4 pack)", "8710176031372", "household", 649),
    Product(23, "Espresso Beans 1kg", "8710215901093", "pantry", 1599),
    Product(24, "Extra Virgin Olive Oil 750ml", "8710281590139", "pantry", 899),
    Product(999, "Mystery Gift Card", "8710962459571", "gift", None),
)

MYSTERY_GIFT_CARD_ID = 999

# A stocktake job that never finished still holds this product's stock row: every order for it
# hits the inventory lock timeout, like a real stuck row lock would.
STUCK_STOCKTAKE_PRODUCT_ID = 13

_BY_ID = {product.id: product for product in PRODUCTS}


def find_product(product_id: int) -> Product | None:
    """The product with this id, or None when the catalogue has none."""
    return _BY_ID.get(product_id)


def format_cents(cents: int) -> str:
    """Euro cents as the decimal string a receipt shows: 1234 -> "12.34"."""
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    return f"{sign}{whole}.{fraction:02d}"


def product_json(product: Product) -> dict[str, object]:
    """The product as GET /products shows it; price is null when it has none."""
    price = None if product.price_cents is None else format_cents(product.price_cents)
    return {
        "id": product.id,
        "name": product.name,
        "sku": product.sku,
        "category": product.category,
        "price": price,
        "currency": CURRENCY,
    }
