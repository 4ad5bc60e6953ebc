/**
 * Product catalogue of the home-and-garden store: Russian free-text names in the style of the real
 * order log (sizes, colours, brands, article codes), each with its true category and a price.
 * Templates: `{a|b|c}` picks one alternative, `{#7}` a 7-digit article code, `{H#4}` a letter
 * prefix followed by 4 digits, `{@plants}` a word from a shared list.
 */
import type {Random} from "../../loaders/random.ts";

export const CATEGORIES = ["plants", "garden", "kitchen", "bathroom", "cleaning", "storage", "textiles", "tools"] as const;
export type Category = (typeof CATEGORIES)[number];

interface Family {
  template: string;
  price: [min: number, max: number];
}

const LISTS: Record<string, string[]> = {
  houseplant: ["Алоэ Вера", "Фикус Бенджамина", "Спатифиллум", "Замиокулькас", "Шеффлера Голд Капелла", "Драцена Маргината",
    "Хлорофитум", "Монстера", "Калатея", "Антуриум", "Эвкалипт Гунни", "Нолина", "Юкка нитчатая", "Кротон", "Диффенбахия",
    "Аглаонема", "Сансевиерия", "Кофе Арабика", "Мирт", "Лавр благородный", "Розмарин", "Циперус Зумула", "Эхеверия",
    "Толстянка овата", "Кактус микс", "Гибискус", "Азалия", "Хамедорея", "Аспарагус", "Мимоза стыдливая", "Эвкалипт Сильвердроп"],
  bloom: ["Фиалка", "Цикламен", "Примула комнатная", "Пуансеттия", "Хризантема", "Калла крупноцветковая", "Гербера", "Каланхоэ",
    "Глоксиния", "Орхидея Фаленопсис", "Гиацинт", "Бромелия", "Декабрист", "Бегония элатиор", "Антуриум Андре"],
  colour: ["белая", "красная", "розовая", "синяя", "фиолетовая", "желтая", "оранжевая", "малиновая", "лососевая",
    "белая с розовым", "кремовая", "сиреневая"],
  colourM: ["белый", "черный", "серый", "бежевый", "синий", "зеленый", "красный", "коричневый", "голубой", "розовый", "серебристый"],
  vegetable: ["Капусты белокачанная", "Капусты цветная", "Огурца", "Перца сладкого", "Баклажана", "Кабачка", "Тыквы",
    "Базилика", "Петрушки", "Укропа", "Сельдерея", "Земляники садовой"],
  sort: ["Валентина", "Гудмен", "Каролина", "Арарат", "Боярский", "Награда", "Золотая канарейка", "Сердолик", "Черниченский",
    "Канестрино", "Баскью Блю", "Темная галактика", "Московская", "Изумрудная", "Ранняя", "Сахарная"],
  annual: ["Бархатцы", "Астра", "Цинния", "Космея", "Лаватера", "Целозия гребенчатая", "Вербена", "Бальзамин", "Агератум",
    "Лобелия", "Настурция", "Календула", "Петуния", "Алиссум", "Сальвия", "Гвоздика"],
  variety: ["Веселая полянка", "Оранжевый король", "Монт Блан", "Бергамо", "Мини Фэймос", "Ред Розебуд", "Маргарита",
    "Эмма", "Снежная королева", "Летний бриз", "Карнавал", "Радуга", "Жемчужина", "Шарм", "Фиеста"],
  perennial: ["Флокс метельчатый", "Монарда гибридная", "Седум (очиток) Видный", "Хоста", "Астильба", "Лилейник", "Рудбекия",
    "Эхинацея", "Тимьян-чабрец", "Мята перечная", "Лаванда узколистная", "Гейхера"],
  rose: ["Дипп Ватер", "Эден Роуз", "Свит Юник", "Глория Дей", "Аква", "Ностальжи", "Пинк Интуишн", "Лавиния", "Абрахам Дерби"],
  tableware: ["СТОУНМАНИЯ", "БАМБУК", "МУНЛАЙТ", "ГРИН ОД", "АРТИ ГРИН", "МИСТИГРИ", "ВИКТОРИЯ", "ЛОТУСИЯ", "ЭМПИЛЕ", "ДИВАЛИ"],
  kitchenBrand: ["WEBBER", "Attribute", "Marmiton", "TVS", "Tefal", "Kukmara", "Mayer&Boch", "Vitesse", "Regent", "Leifheit"],
  fruit: ["Яблоко", "Груша", "Лимон", "Апельсин", "Виноград", "Баклажан", "Перец Чили", "Банан", "Клубника", "Гранат", "Персик"],
  bathBrand: ["Spirella", "Bacchetta", "Fora", "Tatkraft", "Vanstore", "Росспласт", "Мультипласт", "Аквалиния"],
  bathDesign: ["Quadretto", "Ракушки", "Sfumature", "Rigone", "Волна", "Дельфины", "Бамбук", "Mosaic", "Калейдоскоп"],
  homeBrand: ["НИКА", "Leifheit", "Gimi", "Meliconi", "Attribute", "Eurogold", "Hausmann", "Rozenbal", "Zalger", "Colombo", "Rolser"],
  model: ["Classic", "Miss Stendy", "Brio Super", "PEGASUS", "LORETA", "Extra", "Prime", "Comfort", "Lux", "Compact", "Family", "Style"],
  textileBrand: ["Wellness", "Towa Co", "Santalino", "Cleanelly", "Ажурная", "Arloni", "Marine", "Presea"],
  toolBrand: ["Truper", "Dogrular", "Colombo", "Eurogold", "Kraftool", "Зубр", "Stayer", "Sparta", "Matrix"]
};

const FAMILIES: Record<Category, Family[]> = {
  plants: [
    {template: "Комнатное растение в горшке {@houseplant}, d{9|12|14|17}, h{25|30|35|50|60}", price: [90, 900]},
    {template: "{@houseplant} d-{7|9|12|14|15} см h-{15|20|25|30|40|50|60} см", price: [60, 1200]},
    {template: "{@bloom} d-{9|10|12|15} см {@colour}", price: [90, 700]},
    {template: "{@bloom} D{9|12|15} см H{20|25|30} см {@colour}", price: [100, 800]},
    {template: "Пеларгония {зональная|розоцветная|тюльпановидная|плющелистная} {@variety} {диам. 12 см|объем 0,5 л|5-7 листов} {@colour}", price: [100, 350]},
    {template: "Искусственный цветок {Роза|Лилия|Пион|Ландыш|Тюльпан|Орхидея|Лилейник|Гортензия} {пластиковый|тканевый|малый} {@colour}", price: [30, 250]},
    {template: "Цветок искусственный {Крокус|Нарцисс|Ландыш|Ромашка|Мак|Георгин} {20|35|50|60} см {в ассортименте|@colour}", price: [30, 200]},
    {template: "Кашпо керамическое для {@houseplant} d-{12|14|17} см {@colourM}", price: [150, 900]}
  ],
  garden: [
    {template: "Рассада {@vegetable} сорт {@sort} кассета {4|6|10} шт E{4|6}", price: [90, 250]},
    {template: "томата (помидор) {@sort} №{1|7|32|79|89|116|120|45} сорт {детерминантный|индетерминантный} {раннеспелый|среднеспелый|позднеспелый} {красный|желтый|черный|розовый|синий}", price: [38, 38]},
    {template: "{@annual} {@variety} {0,1|0,3|0,5|1} г 466001077{#4}", price: [9, 30]},
    {template: "{@annual} рассада однолетних цветов в {кассете по 4 шт|кассете по 6 шт|кассете по 10 шт|горшке диам. 12 см}", price: [60, 260]},
    {template: "Роза садовая {парковая|плетистая|чайно-гибридная|флорибунда} в горшке {@rose}", price: [200, 700]},
    {template: "Многолетнее растение {@perennial} {@colour} объем {0,5|1|2} л", price: [80, 450]},
    {template: "Лейка садовая {5|8|10} л {@colourM} с насадкой, {#7}", price: [120, 500]},
    {template: "Шланг поливочный {15|20|25|30} м {1/2|3/4}\" армированный {@colourM}", price: [400, 2200]},
    {template: "Грунт универсальный для {рассады|цветов|овощей} {5|10|20|50} л", price: [70, 450]}
  ],
  kitchen: [
    {template: "Тарелка {обеденная|десертная|суповая|глубокая} {@tableware} {20|22|25|27} см {H|G|J}{#4} Luminarc", price: [60, 300]},
    {template: "Кружка {@tableware} {250|320|380|400} мл {G|J}{#4} Luminarc Франция", price: [70, 250]},
    {template: "Салатник Luminarc {@tableware} {12|16,5|18|24} см {J|H}{#4}", price: [80, 450]},
    {template: "Сковорода {алюминиевая|чугунная|с керамическим покрытием} {20|22|24|26|28} см, {@kitchenBrand}", price: [400, 3200]},
    {template: "Кастрюля {эмалированная|из нержавеющей стали|алюминиевая} {2,0|3,0|4,0|5,5} л, {@kitchenBrand}", price: [500, 3500]},
    {template: "Нож {кухонный|для хлеба|для чистки овощей|поварской} {@kitchenBrand} {10|12|15|20} см", price: [90, 1200]},
    {template: "Чайник электрический {@kitchenBrand} {DL|Т|BE}-{#4} нержавеющая сталь {1800|2000|2200} Вт {1,7|1,8|2} л", price: [700, 2500]},
    {template: "Муляж {@fruit} {мини|большой|в связке} {2|3|6} шт полиуретан, d {3|5|6|8} см", price: [20, 250]},
    {template: "Набор бокалов для {вина|пива|шампанского} {@tableware} {4|6} шт {250|320|450}мл {G|J}{#4} Luminarc", price: [300, 1100]},
    {template: "Термос {со стеклянной колбой|металлический|пищевой} {0,5|0,75|1,0|1,5} л {@colourM}", price: [350, 1800]}
  ],
  bathroom: [
    {template: "Коврик для ванной {хлопковый|микрофибра|резиновый|на присосках} {50х80|60х90|45х75} см {@colourM}, {@bathBrand}", price: [150, 1500]},
    {template: "Штора для ванной комнаты {ПВХ|текстильная} {@bathDesign} {180х180|180х200|240х200} см {@colourM}, Bacchetta, {#4}", price: [250, 2000]},
    {template: "Ёрш унитазный {с подставкой|пластмассовый|нержавеющая сталь} {@bathBrand}, {#7}", price: [80, 900]},
    {template: "Сиденье для унитаза {@bathBrand} {АЖУР|Комфорт|Стандарт|Soft Close} {@colourM} РП-{#3}", price: [400, 2500]},
    {template: "Стакан для ванной комнаты {@bathDesign} {керамика|пластик|стекло} {@colourM}, Spirella, {#7}", price: [150, 900]},
    {template: "Держатель для туалетной бумаги {@bathDesign} {хром|белый|черный}, {@bathBrand}", price: [200, 1500]},
    {template: "Полка для ванной {угловая|прямая} {1|2|3}-ярусная {хром|пластик}, {@bathBrand}", price: [300, 2200]}
  ],
  cleaning: [
    {template: "Сушилка для белья {напольная|настенная|потолочная|на батарею} {@homeBrand} {@model} {10|15|18|20|24} м", price: [400, 5500]},
    {template: "Гладильная доска {@homeBrand} {@model} {120х38|122х34,5|123х46|110х30} см", price: [1200, 6000]},
    {template: "Чехол для гладильной доски {@homeBrand} {120х40|114х37|130х48} см, {хлопок|металлизированный|бязь}", price: [150, 900]},
    {template: "Швабра {хозяйственная|для пола|с отжимом} {@homeBrand} {@model} {33|40} см {@colourM}", price: [300, 3000]},
    {template: "Веник для подметания {из сорго|пластиковый} {LUX|Эконом|Стандарт} {3|4|5} шва", price: [150, 500]},
    {template: "Ведро {пластмассовое|оцинкованное|с отжимом} {5|7|10|12|15} л {@colourM}, {#7}", price: [90, 900]},
    {template: "Таз пластмассовый {10,0|12,0|21,0|30,0} л {круглый|прямоугольный} \"{Водолей|Пластхозторг|М-пластик}\" С{#3}, {#7}", price: [70, 400]},
    {template: "Щетка{ для пола|-сметка| для обуви| для посуды} {деревянная|пластиковая} {#7}", price: [40, 400]},
    {template: "Перчатки хозяйственные {латексные|нитриловые|резиновые} размер {S|M|L|XL}", price: [40, 200]}
  ],
  storage: [
    {template: "Контейнер {пищевой|для хранения|для обуви} {0,5|1,2|2,5|5|10|20} л {@colourM}, {@homeBrand}", price: [60, 1200]},
    {template: "Корзина {плетеная|пластиковая|для белья} {20|30|40|55} л {@colourM}", price: [150, 1800]},
    {template: "Кофр для хранения вещей {@homeBrand} {30х40х25|45х30х20|60х40х30} см {@colourM}", price: [250, 1500]},
    {template: "Вешалка{ настенная| напольная| для брюк|-плечики} {@homeBrand} {@model} {@colourM}", price: [50, 3500]},
    {template: "Этажерка для обуви {@homeBrand} {@model} {2|3|4} яруса {@colourM}", price: [500, 3000]},
    {template: "Сумка-тележка хозяйственная {@homeBrand} {@model} {@colourM}", price: [900, 6500]},
    {template: "Вакуумный пакет для хранения вещей {50х60|70х100|50х85|80х110} см EVEC{#4}", price: [100, 600]},
    {template: "Банка {стеклянная|для сыпучих продуктов} {300|500|1000|1700} мл, {@kitchenBrand}, ABB{#3}", price: [90, 700]}
  ],
  textiles: [
    {template: "Скатерть {прямоугольная|круглая|овальная} {@textileBrand} {120х150|132х177|140х180} см {@colourM} {#4}", price: [300, 2500]},
    {template: "Наволочка {@textileBrand} {100% хлопок|сатин|бязь} {50х70|70х70} см, {@colourM}", price: [100, 600]},
    {template: "Одеяло {@textileBrand} {140х205|172х205|200х220} см {100% полиэстер|бамбук|пух-перо}", price: [900, 5000]},
    {template: "Подушка декоративная {флисовая|велюровая} {40*40|45*45} см {@colourM}, {@textileBrand}", price: [250, 1200]},
    {template: "Плед {флисовый|акриловый|хлопковый} {130х170|150х200|200х220} см {@colourM}", price: [400, 3000]},
    {template: "Полотенце {махровое|вафельное} {30х50|50х90|70х140} см {@colourM}", price: [80, 900]},
    {template: "Коврик придверный {Welcome|Flagstone|Tango|Apache|Кокос} {45х76|60х90|40х60} см {@colourM}, {#4}", price: [200, 1500]}
  ],
  tools: [
    {template: "Стремянка {@toolBrand} {3|4|5|6} ступени {сталь|алюминий} {#4}", price: [1200, 6000]},
    {template: "Лестница-стремянка {@toolBrand} алюминиевая {3|4|5}-х ступенчатая", price: [1500, 5500]},
    {template: "Крючок {проволочный|S-образный|мебельный} {50|75|100|125} мм {цинк|медь}, {#7}", price: [10, 80]},
    {template: "Петля {рояльная|дверная|мебельная} {цинк|латунь} {75|100|960} мм, {#7}", price: [20, 250]},
    {template: "Стяжка оконная с болтом СТ-{55|70|90} {цинк|латунь}, {#7}", price: [20, 120]},
    {template: "Угольник измерительный, длина {15|25|30} см, {@toolBrand}, ECT-{#4}", price: [150, 700]},
    {template: "Набор отверток {6|8|12} предметов {@toolBrand}", price: [250, 1500]},
    {template: "Рулетка измерительная {3|5|7,5|10} м {@toolBrand}", price: [150, 900]},
    {template: "Пружина дверная {240|300|400} мм оцинкованная, {#7}", price: [30, 150]}
  ]
};

/** Annual share of orders by main category (sums to 1). */
export const CATEGORY_MIX: Record<Category, number> = {
  plants: 0.22, garden: 0.18, kitchen: 0.14, bathroom: 0.09, cleaning: 0.14, storage: 0.11, textiles: 0.06, tools: 0.06
};

/** Number of distinct product names per category in the catalogue. */
const CATALOGUE_SIZE: Record<Category, number> = {
  plants: 420, garden: 380, kitchen: 320, bathroom: 190, cleaning: 260, storage: 220, textiles: 160, tools: 150
};

function expand(template: string, random: Random): string {
  return template.replace(/\{([^}]*)\}/g, (_, body: string) => {
    const code = /^([A-Za-zА-Яа-я]*)#(\d+)$/.exec(body);
    if (code) {
      let digits = String(1 + random.int(9));
      for (let i = 1; i < Number(code[2]); i++) digits += random.int(10);
      return code[1] + digits;
    }
    const alternatives = body.split("|");
    const choice = alternatives[random.int(alternatives.length)];
    return choice.startsWith("@") ? pickList(choice.slice(1), random) : choice;
  });
}

function pickList(name: string, random: Random): string {
  const list = LISTS[name];
  if (!list) throw new Error(`unknown word list @${name}`);
  return list[random.int(list.length)];
}

export interface Product {
  name: string;
  category: Category;
  price: number;
}

/** A deterministic catalogue: distinct names per category, ordered by popularity rank. */
export function catalogue(random: Random): Record<Category, Product[]> {
  const seen = new Set<string>();
  const out = {} as Record<Category, Product[]>;
  for (const category of CATEGORIES) {
    const families = FAMILIES[category];
    const products: Product[] = [];
    for (let attempt = 0; products.length < CATALOGUE_SIZE[category]; attempt++) {
      if (attempt > 100 * CATALOGUE_SIZE[category]) throw new Error(`catalogue: too few distinct ${category} names`);
      const family = families[random.int(families.length)];
      const name = expand(family.template, random).replace(/\s+/g, " ").trim();
      if (seen.has(name)) continue;
      seen.add(name);
      const [lo, hi] = family.price;
      const price = Math.round(lo * Math.pow(hi / lo, random()));
      products.push({name, category, price});
    }
    out[category] = products;
  }
  return out;
}
