// commander's own words in the language of the run: the help's headings, the (choices: …, default: …) after an
// option, the help and version options' descriptions, and its usage errors. commander (14) writes these in English
// itself; it documents configureHelp (any Help method overridden, styleTitle for the headings) and
// configureOutput's outputError (the errors, before they are written) as the places to change them, so this file
// uses those and nothing private. Its errors have no ids, only their text: each shape commander 14 prints
// (lib/command.js, lib/option.js, lib/suggestSimilar.js) is matched and said again through t(); anything else is
// written as commander wrote it.

import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { t, type MessageId } from '../i18n/t.js';

const TITLES: Record<string, MessageId> = {
  'Usage:': 'cli.commander.usage',
  'Options:': 'cli.commander.options',
  'Commands:': 'cli.commander.commands',
  'Arguments:': 'cli.commander.arguments',
  'Global Options:': 'cli.commander.globalOptions',
};

/** Characters a terminal shows two columns wide (East Asian Wide and Fullwidth: CJK, Hangul, full-width forms). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/** A text's width in terminal columns, without colour escapes: commander counts characters, and Chinese is two
 *  columns a character, so its help would be misaligned. */
export function columns(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  return plain.length + (plain.match(WIDE)?.length ?? 0);
}

/** Where a line may break: at spaces as commander does, and between two Chinese characters (Chinese has no spaces),
 *  never before closing punctuation or after opening. */
const CHUNK =
  /\s*[（「]*(?:[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][，。；：、）」！？]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+)/gu;

/** The (choices: …, default: …) commander appends to a description, in the run's language. */
function withExtras(description: string, choices: readonly string[] | undefined, def: string | undefined): string {
  const extras: string[] = [];
  if (choices) extras.push(t('cli.commander.choices', { choices: choices.map((c) => JSON.stringify(c)).join(', ') }));
  if (def !== undefined) extras.push(t('cli.commander.default', { value: def }));
  if (!extras.length) return description;
  const list = extras.join(t('cli.commander.extrasSeparator'));
  return description ? t('cli.commander.withExtras', { description, extras: list }) : t('cli.commander.extras', { extras: list });
}

/** configureHelp's overrides: headings and the extras after descriptions through t(). */
export function helpConfiguration(): HelpConfiguration {
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
    displayWidth: columns,
    boxWrap(this: Help, text: string, width: number): string {
      if (width < this.minWidthToWrap) return text;
      return text
        .split(/\r?\n/)
        .map((line) => {
          const out: string[] = [];
          let cur = '';
          for (const chunk of line.match(CHUNK) ?? []) {
            if (cur && columns(cur) + columns(chunk) > width) {
              out.push(cur);
              cur = chunk.trimStart();
            } else cur += chunk;
          }
          out.push(cur);
          return out.join('\n');
        })
        .join('\n');
    },
    formatHelp(this: Help, cmd: Command, helper: Help): string {
      // commander puts a space after the heading; a full-width colon (用法：) already is a character's width apart.
      const text = Help.prototype.formatHelp.call(this, cmd, helper);
      const usage = t('cli.commander.usage');
      return usage.endsWith('：') && text.startsWith(`${usage} `) ? usage + text.slice(usage.length + 1) : text;
    },
    optionDescription(this: Help, option: Option): string {
      // As commander shows a default: for options that take a value, and booleans with a boolean default.
      const shown =
        option.defaultValue !== undefined &&
        (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
      const def = shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : undefined;
      return withExtras(option.description, option.argChoices, def);
    },
    argumentDescription(this: Help, argument: Argument): string {
      const def =
        argument.defaultValue !== undefined ? (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)) : undefined;
      return withExtras(argument.description, argument.argChoices, def);
    },
  };
}

/** A list commander joined with `, `, joined as the language joins names. */
const list = (names: string): string => names.split(', ').join(t('cli.commander.listSeparator'));

/** commander's error shapes (14.0): the English pattern and the message that says it in the run's language. */
const ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: unknown option '(.*)'$/, (m) => t('cli.commander.unknownOption', { flag: m[1]! })],
  [/^error: unknown command '(.*)'$/, (m) => t('cli.commander.unknownCommand', { name: m[1]! })],
  [/^error: missing required argument '(.*)'$/, (m) => t('cli.commander.missingArgument', { name: m[1]! })],
  [/^error: option '(.*)' argument missing$/, (m) => t('cli.commander.optionMissingArgument', { flags: m[1]! })],
  [/^error: required option '(.*)' not specified$/, (m) => t('cli.commander.missingMandatory', { flags: m[1]! })],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (m) => t('cli.commander.invalidChoice', { flags: m[1]!, value: m[2]!, choices: list(m[3]!) }),
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.(?: (.*))?$/,
    (m) => t('cli.commander.invalidArgument', { flags: m[1]!, value: m[2]!, why: m[3] ?? '' }),
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => t('cli.commander.excessArguments', { command: m[1] ?? 'heapscope', expected: Number(m[2]), got: Number(m[3]) }),
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => t('cli.commander.didYouMeanOneOf', { names: list(m[1]!) })],
  [/^\(Did you mean (.*)\?\)$/, (m) => t('cli.commander.didYouMean', { name: m[1]! })],
];

/** commander's error text (one or more lines) in the run's language; English is written as it is. */
export function commanderError(text: string): string {
  if (t.lang() === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      for (const [re, say] of ERRORS) {
        const m = re.exec(line);
        if (m) return say(m);
      }
      return line;
    })
    .join('\n');
}
