import type { Role } from "@voronka/contract";
import { localized } from "../i18n/index.ts";

/** The members section of the settings page. */
export const memberStrings = localized({
  en: {
    title: "Members and roles",
    hint: "Who can sign in to this workspace, and what they may change.",
    loading: "Loading members…",
    colName: "Name",
    colEmail: "Email",
    colRole: "Role",
    colJoined: "Joined",
    you: "you",
    roleFor: (name: string) => `Role of ${name}`,
    roles: { owner: "Owner", admin: "Admin", member: "Member" } as Record<Role, string>,
    roleHelp: {
      owner: "Everything, including changing roles.",
      admin: "Everything except changing roles.",
      member: "Everything except changing roles and the sending rules.",
    } as Record<Role, string>,
    onlyOwner: "Only owner — make another owner first.",
    lastOwner: "A workspace needs an owner. Make someone else an owner before changing this role.",
    changed: (name: string, role: string) => `${name} is now ${role.toLowerCase()}.`,
    ownersOnly: "Only owners can change roles.",
  },
  ru: {
    title: "Участники и роли",
    hint: "Кто может входить в это пространство и что может менять.",
    loading: "Загружаем участников…",
    colName: "Имя",
    colEmail: "Эл. почта",
    colRole: "Роль",
    colJoined: "Добавлен",
    you: "вы",
    roleFor: (name: string) => `Роль: ${name}`,
    roles: { owner: "Владелец", admin: "Администратор", member: "Участник" } as Record<
      Role,
      string
    >,
    roleHelp: {
      owner: "Всё, в том числе менять роли.",
      admin: "Всё, кроме смены ролей.",
      member: "Всё, кроме смены ролей и правил отправки.",
    } as Record<Role, string>,
    onlyOwner: "Единственный владелец — сначала назначьте ещё одного.",
    lastOwner:
      "У пространства должен быть владелец. Сначала назначьте владельцем кого-то ещё, потом меняйте эту роль.",
    changed: (name: string, role: string) => `${name}: теперь ${role.toLowerCase()}.`,
    ownersOnly: "Менять роли могут только владельцы.",
  },
});
