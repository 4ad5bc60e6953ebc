/** E-commerce order-line log: one row per order line. The product category is optional: when an export
 * has one and the mapping gives it the role `category`, the report's categories come from it. */
import type {CaseSchema} from "../schema.ts";

export const ecommerceSchema: CaseSchema = {
  case: "ecommerce",
  files: [
    {
      file: "ecom_dataset_upd.csv",
      table: "order_lines",
      title: "Order lines",
      titleRu: "Строки заказов",
      columns: [
        {source: "date", field: "date", label: "Date and hour", type: "datetime", min: "2000-01-01", max: "2100-01-01", synonyms: ["date", "datetime", "timestamp", "time", "created", "created at", "order date", "order time", "ordered at", "purchase date", "дата", "дата заказа", "время заказа", "дата и время"]},
        {source: "customer_id", field: "customerId", label: "Customer id", type: "text", customerId: true, synonyms: ["customer", "customer id", "client", "client id", "user", "user id", "buyer", "покупатель", "клиент", "id клиента", "код клиента", "id покупателя"]},
        {source: "order_id", field: "orderId", label: "Order id", type: "integer", min: 0, synonyms: ["order", "order id", "order no", "order number", "заказ", "номер заказа", "id заказа"]},
        {source: "product", field: "product", label: "Product", type: "text", synonyms: ["product", "product name", "item", "item name", "goods", "sku name", "title", "description", "товар", "наименование", "название товара", "продукт"]},
        {source: "quantity", field: "quantity", label: "Quantity", type: "integer", min: 1, synonyms: ["quantity", "qty", "count", "units", "amount", "количество", "кол-во", "кол во", "штук"]},
        {source: "price", field: "price", label: "Unit price", type: "number", min: 0, synonyms: ["price", "unit price", "price per unit", "item price", "цена", "цена за единицу", "стоимость единицы"]},
        {source: "category", field: "category", label: "Product category", type: "text", optional: true, mappedOnly: true, required: false,
          synonyms: ["category", "product category", "department", "section", "group", "категория", "категория товара", "раздел", "группа товаров"],
          description: "The store's own product category, when the export has one (blank cells are uncategorised lines)"}
      ]
    }
  ]
};
