/** The case studies Clientele ships, with the export files each reads from DATA_DIR/<id>/. */
export interface CaseInfo {
  id: "fitness" | "one-click" | "ecommerce";
  title: string;
  question: string;
  files: string[];
  /** Columns holding customer ids: these must not reach the built site unless the setting allows. */
  customerIds: {file: string; column: string}[];
}

export const cases: CaseInfo[] = [
  {
    id: "fitness",
    title: "Fitness",
    question: "Which gym members will leave next month, and what kinds of members are there?",
    files: ["gym_churn_us.csv"],
    customerIds: []
  },
  {
    id: "one-click",
    title: "One Click",
    question: "Whose purchase activity is declining, and which of those are worth a personal offer?",
    files: ["market_file.csv", "market_money.csv", "market_time.csv", "money.csv"],
    customerIds: [{file: "market_file.csv", column: "id"}]
  },
  {
    id: "ecommerce",
    title: "E-commerce",
    question: "What do customers buy, and how should mailings differ by consumption profile?",
    files: ["ecom_dataset_upd.csv"],
    customerIds: [{file: "ecom_dataset_upd.csv", column: "customer_id"}]
  }
];
