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
      columns: [
        {source: "date", field: "date", label: "Date and hour", type: "datetime", min: "2000-01-01", max: "2100-01-01"},
        {source: "customer_id", field: "customerId", label: "Customer id", type: "text", customerId: true},
        {source: "order_id", field: "orderId", label: "Order id", type: "integer", min: 0},
        {source: "product", field: "product", label: "Product", type: "text"},
        {source: "quantity", field: "quantity", label: "Quantity", type: "integer", min: 1},
        {source: "price", field: "price", label: "Unit price", type: "number", min: 0},
        {source: "category", field: "category", label: "Product category", type: "text", optional: true, required: false,
          description: "The store's own product category, when the export has one (blank cells are uncategorised lines)"}
      ]
    }
  ]
};
