/**
 * Words `npm run init` knows: the Russian display label of each template role (the English one is
 * the template's own `label`), the words that name each template value (target classes, periods,
 * yes/no), and the words that mark a column as personal data, an identifier or the outcome itself.
 * Names of the roles themselves (English and Russian synonyms) are on the schema columns.
 */

/** Russian display label per template field. */
export const russianLabels: Record<string, string> = {
  // fitness
  gender: "Пол (0/1)",
  nearLocation: "Живёт или работает рядом с клубом",
  partner: "Сотрудник компании-партнёра",
  promoFriends: "Пришёл по акции «Приведи друга»",
  phone: "Оставил телефон",
  contractPeriod: "Срок абонемента (мес.)",
  groupVisits: "Ходит на групповые занятия",
  age: "Возраст",
  additionalCharges: "Траты на доп. услуги",
  monthsToEndOfContract: "Месяцев до конца абонемента",
  lifetime: "Время с первого визита (мес.)",
  classFrequencyTotal: "Посещений в неделю (за всё время)",
  classFrequencyCurrentMonth: "Посещений в неделю (текущий месяц)",
  churn: "Ушёл в следующем месяце",
  // one-click
  id: "Код покупателя",
  activity: "Покупательская активность",
  serviceType: "Тип сервиса",
  marketingConsent: "Согласие на рассылки",
  marketingContacts6m: "Маркетинговых контактов в месяц (6 мес.)",
  marketingContactsCurrent: "Маркетинговых контактов в текущем месяце",
  tenureDays: "Дней с регистрации",
  promoShare: "Доля акционных покупок",
  favouriteCategory: "Популярная категория",
  categoriesPerVisit: "Категорий за визит",
  unpaidItemsQuarter: "Неоплаченных товаров в корзине (3 мес.)",
  serviceErrors: "Сбоев сайта",
  pagesPerVisit: "Страниц за визит",
  period: "Период",
  revenue: "Выручка",
  minutes: "Минут на сайте",
  profit: "Средняя прибыль в месяц (3 мес.)",
  // ecommerce
  date: "Дата и час",
  customerId: "Код покупателя",
  orderId: "Номер заказа",
  product: "Товар",
  quantity: "Количество",
  price: "Цена за единицу"
};

/** Words for yes (1) and no (0). */
export const flagWords: Record<"1" | "0", string[]> = {
  "1": ["1", "1.0", "yes", "y", "true", "t", "да", "д", "истина", "churned", "left", "ушел", "ушла", "ушёл", "ушёл(а)", "отток"],
  "0": ["0", "0.0", "no", "n", "false", "f", "нет", "н", "ложь", "stayed", "retained", "active", "остался", "осталась", "остался(ась)"]
};

/**
 * Template values with a fixed meaning, per field: template value → the words that name it. A field
 * listed here gets only these values; any other value is printed for the analyst to place. Fields not
 * listed (a store's product categories) take their values as found.
 */
export const valueWords: Record<string, Record<string, string[]>> = {
  activity: {
    declined: ["снизилась", "снижение", "упала", "declined", "decreased", "decline", "down", "lower"],
    unchanged: ["прежний уровень", "прежняя", "не изменилась", "unchanged", "same", "stable", "no change", "same level"]
  },
  period: {
    before_previous: ["препредыдущий_месяц", "препредыдущий месяц", "позапрошлый месяц", "2 months ago", "two months ago", "month before last", "before previous", "before_previous", "m-2"],
    previous: ["предыдущий_месяц", "предыдущий месяц", "прошлый месяц", "previous month", "last month", "1 month ago", "one month ago", "previous", "m-1"],
    current: ["текущий_месяц", "текущий месяц", "этот месяц", "current month", "this month", "current", "m0"]
  },
  serviceType: {
    premium: ["премиум", "premium", "vip"],
    standard: ["стандарт", "стандартный", "standard", "basic", "regular"]
  },
  marketingConsent: {
    yes: ["да", "yes", "y", "true", "1"],
    no: ["нет", "no", "n", "false", "0"]
  }
};

/** Header words naming personal data (names, e-mails, phones, addresses). A 0/1 column is never personal data. */
export const personalWords = {
  names: ["name", "fullname", "firstname", "lastname", "surname", "фио", "имя", "фамилия", "отчество"],
  emails: ["email", "e-mail", "почта", "электронная почта"],
  phones: ["phone", "phonenumber", "mobile", "телефон", "мобильный", "тел"],
  addresses: ["address", "street", "адрес", "улица", "postcode", "zipcode", "zip", "почтовый индекс"]
};

/** Header words naming identifiers. */
export const idWords = ["id", "uuid", "guid", "код", "номер", "number", "no", "key", "ключ", "идентификатор"];

/** Header words that mark a column as recording the outcome a target predicts (it would leak it). */
export const outcomeWords = ["churn", "отток", "left", "ушел", "ушла", "уход", "cancel", "cancellation", "cancelled", "canceled", "отмена", "отмены",
  "расторжение", "termination", "terminated", "exit", "exited", "leave", "leaving", "reason", "причина"];
