import { ImportProfileField } from "@voronka/contract";
import { localized } from "../i18n/index.ts";

/** A column's destination in the wizard: a contact field, a custom property, or nothing. */
export type ColumnChoice = ImportProfileField | "custom" | "skip";

/** Plain names of the contact fields a column can fill, in the order the menu shows them. */
export const fieldLabels: Record<ImportProfileField, string> = localized({
  en: {
    email: "Email",
    phone: "Phone",
    userId: "User ID",
    firstName: "First name",
    lastName: "Last name",
    name: "Full name",
    city: "City",
    country: "Country",
    birthday: "Birthday",
    gender: "Gender",
    tags: "Tags",
    timeZone: "Time zone",
  },
  ru: {
    email: "Email",
    phone: "Телефон",
    userId: "ID пользователя",
    firstName: "Имя",
    lastName: "Фамилия",
    name: "Полное имя",
    city: "Город",
    country: "Страна",
    birthday: "День рождения",
    gender: "Пол",
    tags: "Теги",
    timeZone: "Часовой пояс",
  },
});

export const profileFields: readonly ImportProfileField[] = ImportProfileField.options;

const synonyms: [RegExp, ImportProfileField][] = [
  [/^e-?mail(address)?$/, "email"],
  [/^(phone|phonenumber|mobile|tel|telephone|cell)$/, "phone"],
  [/^(userid|externalid|customerid|clientid|id)$/, "userId"],
  [/^(firstname|givenname|first)$/, "firstName"],
  [/^(lastname|surname|familyname|last)$/, "lastName"],
  [/^(name|fullname|contactname)$/, "name"],
  [/^(city|town)$/, "city"],
  [/^country$/, "country"],
  [/^(birthday|birthdate|dateofbirth|dob)$/, "birthday"],
  [/^(gender|sex)$/, "gender"],
  [/^(tags|tag|labels)$/, "tags"],
  [/^(timezone|tz)$/, "timeZone"],
];

/** The likely destination of a column, from its header: "E-mail" → email, "Plan" → custom. */
export function guessColumn(header: string): ColumnChoice {
  const key = header.toLowerCase().replace(/[^a-z]/g, "");
  for (const [pattern, field] of synonyms) if (pattern.test(key)) return field;
  return key ? "custom" : "skip";
}

/**
 * The custom property key a column is stored under: "Wedding date" → traits.wedding_date. A
 * header with no Latin letters or digits (e.g. in Cyrillic) becomes column_<its number>.
 */
export function customKey(header: string, index: number): string {
  const slug = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
  return `traits.${slug || `column_${index + 1}`}`;
}
