// TypeDoc plugin: names the two entry modules after their import paths and groups each module's
// exports by area of the library (models, enums and flags, entity factory, REST, OAuth2, ...), decided
// by the source file an export is declared in. Within an area, exports are listed by kind.
// A model's constructor input `FooInit` has the same fields as the class `Foo`: an Init field without a
// comment of its own shows the comment of the class's field of the same name.
// An export from a file that maps to no area is reported as a warning (an error under
// treatWarningsAsErrors), so a new source folder cannot slip into an "Other" heap.
import { Converter, ReflectionCategory, ReflectionGroup, ReflectionKind } from "typedoc";

/** Areas in the order the reference shows them. */
export const AREAS = [
  "Models",
  "Enums and flags",
  "Entity factory",
  "Raw payloads",
  "CDN",
  "REST",
  "OAuth2",
  "Interactions",
  "Snowflakes and tokens",
  "Errors",
  "Emulator",
];

const BY_PATH = [
  [/^src\/emulator\//, "Emulator"],
  [/^src\/factory\//, "Entity factory"],
  [/^src\/payloads\//, "Raw payloads"],
  [/^src\/cdn\//, "CDN"],
  [/^src\/(rest|node)\//, "REST"],
  [/^src\/oauth2\//, "OAuth2"],
  [/^src\/interactions\//, "Interactions"],
  [/^src\/internal\/(flags|enums)\.ts$/, "Enums and flags"],
  [/^src\/(snowflakes|tokens|traits)\.ts$/, "Snowflakes and tokens"],
  [/^src\/errors\.ts$/, "Errors"],
  [/^src\/models\//, "Models"],
];

const MODULE_NAMES = {
  index: "discord-appkit",
  emulator: "discord-appkit/emulator",
  node: "discord-appkit/node",
};

function sourcePath(reflection) {
  const target = reflection.kindOf(ReflectionKind.Reference)
    ? reflection.getTargetReflectionDeep()
    : reflection;
  const source = target.sources?.[0] ?? target.signatures?.[0]?.sources?.[0];
  const file = source?.fullFileName?.replaceAll("\\", "/");
  return file === undefined ? undefined : file.slice(file.lastIndexOf("/src/") + 1);
}

function isFlagClass(reflection) {
  return (
    reflection.kindOf(ReflectionKind.Class) &&
    (reflection.extendedTypes ?? []).some((type) => type.toString().startsWith("BitFlags"))
  );
}

/** An `as const` object with a same-named union type beside it: the library's enum pattern. */
function isEnum(reflection, siblings) {
  if (!reflection.kindOf(ReflectionKind.Variable | ReflectionKind.TypeAlias)) return false;
  const otherKind = reflection.kindOf(ReflectionKind.Variable)
    ? ReflectionKind.TypeAlias
    : ReflectionKind.Variable;
  return siblings.some((s) => s !== reflection && s.name === reflection.name && s.kindOf(otherKind));
}

function areaOf(reflection, siblings) {
  const path = sourcePath(reflection);
  if (path === undefined) return undefined;
  if (path.startsWith("src/models/") && (isFlagClass(reflection) || isEnum(reflection, siblings))) {
    return "Enums and flags";
  }
  return BY_PATH.find(([pattern]) => pattern.test(path))?.[1];
}

function memberComment(member) {
  if (member === undefined) return undefined;
  return member.comment ?? member.getSignature?.comment ?? member.signatures?.[0]?.comment;
}

/** Copies the class field comments onto the undocumented fields of its `Init` interface. */
function inheritInitComments(project) {
  for (const init of project.getReflectionsByKind(ReflectionKind.Interface)) {
    if (!init.name.endsWith("Init") || !init.parent?.isDeclaration?.()) continue;
    const model = init.parent.getChildByName(init.name.slice(0, -"Init".length));
    if (!model?.kindOf(ReflectionKind.Class)) continue;
    for (const field of init.children ?? []) {
      if (field.comment?.hasVisibleComponent()) continue;
      const comment = memberComment(model.getChildByName(field.name));
      if (comment?.hasVisibleComponent()) field.comment = comment.clone();
    }
  }
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const name = MODULE_NAMES[module.name];
      if (name) module.name = name;
    }
    inheritInitComments(context.project);
  });

  // After TypeDoc's GroupPlugin (-100) and before its CategoryPlugin (-200).
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
        const children = module.children ?? [];
        const groups = new Map(AREAS.map((area) => [area, new ReflectionGroup(area, module)]));
        for (const child of children) {
          const area = areaOf(child, children);
          if (area === undefined) {
            app.logger.warn(
              `typedoc-areas: ${child.name} (${sourcePath(child) ?? "no source"}) belongs to no documented area`,
            );
            continue;
          }
          groups.get(area).children.push(child);
        }
        module.groups = [...groups.values()].filter((group) => group.children.length > 0);
        for (const group of module.groups) {
          const byKind = new Map();
          for (const child of group.children) {
            const kind = ReflectionKind.pluralString(child.kind);
            if (!byKind.has(kind)) byKind.set(kind, new ReflectionCategory(kind));
            byKind.get(kind).children.push(child);
          }
          group.categories = byKind.size > 1 ? [...byKind.values()] : undefined;
        }
      }
    },
    -150,
  );
}
