// Settings: the thresholds, stage probabilities and durations, follow-up days per tier and the
// team roster, read from the Settings sheet and written back to it (so co-authors share them),
// checked with zod first; each problem shows next to its field.
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Language } from "../../domain/spec/vocabulary";
import { CONFIG, tableSpec } from "../../domain/spec/workbook";
import type { TableName } from "../../domain/spec/types";
import { messages } from "../../i18n";
import type { SettingsAdapters } from "../adapters";
import { ErrorBar, Loading, Note, Panel, inLanguage } from "../shell/parts";
import { useAction, useLoad } from "../shell/work";
import { THRESHOLD_NAMES, checkSettings, draftOf, type PaneSettings, type SettingsDraft, type SettingsErrors } from "./model";

export interface SettingsPanelProps {
  readonly language: Language;
  readonly adapters: SettingsAdapters;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  member: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  // Fluent's inputs keep a minimum width of their own; in a narrow pane's grid they must shrink.
  cell: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
});

export function SettingsPanel({ language, adapters }: SettingsPanelProps) {
  const text = messages(language).taskpane;
  const [settings, reload] = useLoad(adapters.readSettings);
  if (settings.status === "loading")
    return (
      <Panel heading={text.settings.heading} id="settings-heading">
        <Loading language={language} />
      </Panel>
    );
  if (settings.status === "error") {
    return (
      <Panel heading={text.settings.heading} id="settings-heading">
        <ErrorBar error={settings.error} language={language} onRetry={() => reload()} />
      </Panel>
    );
  }
  if (settings.data === undefined) {
    return (
      <Panel heading={text.settings.heading} id="settings-heading">
        <Note intent="info">{text.notSetUp}</Note>
      </Panel>
    );
  }
  return <SettingsForm language={language} adapters={adapters} settings={settings.data} onSaved={() => reload(true)} />;
}

function SettingsForm({ language, adapters, settings, onSaved }: SettingsPanelProps & { settings: PaneSettings; onSaved: () => void }) {
  const text = messages(language).taskpane.settings;
  const styles = useStyles();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const save = useAction(async () => {
    const checked = checkSettings(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return "invalid" as const;
    }
    setErrors({});
    await adapters.writeSettings(checked.settings);
    onSaved();
    return "saved" as const;
  });
  const header = (table: TableName, key: string) => inLanguage(tableSpec(table)!.columns.find((c) => c.key === key)!.header, language);
  const error = (path: string) => (errors[path] ? text.errors[errors[path]] : undefined);
  const edit = (change: (d: SettingsDraft) => void) =>
    setDraft((old) => {
      // Plain text all through, so a JSON copy is a full copy.
      const next = JSON.parse(JSON.stringify(old)) as SettingsDraft;
      change(next);
      return next;
    });

  return (
    <Panel heading={text.heading} id="settings-heading">
      <Text as="p">{text.intro}</Text>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <fieldset className={styles.group}>
          <legend>
            <Text weight="semibold">{text.thresholds}</Text>
          </legend>
          {THRESHOLD_NAMES.map((name) => (
            <Field
              key={name}
              label={inLanguage(CONFIG.find((c) => c.name === name)!.label, language)}
              validationMessage={error(`thresholds.${name}`)}
            >
              <Input inputMode="decimal" value={draft.thresholds[name]} onChange={(_, d) => edit((x) => void (x.thresholds[name] = d.value))} />
            </Field>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>
            <Text weight="semibold">{text.stages}</Text>
          </legend>
          {draft.stages.map((s, i) => (
            <div key={`${s.path}-${s.stage}-${i}`} className={styles.pair} role="group" aria-label={s.stage}>
              <Text>{s.stage}</Text>
              <Field className={styles.cell} label={header("Stages", "probability")} validationMessage={error(`stages.${i}.probability`)}>
                <Input
                  className={styles.input}
                  inputMode="decimal"
                  value={s.probability}
                  onChange={(_, d) => edit((x) => void (x.stages[i].probability = d.value))}
                />
              </Field>
              <Field className={styles.cell} label={header("Stages", "days")} validationMessage={error(`stages.${i}.days`)}>
                <Input
                  className={styles.input}
                  inputMode="numeric"
                  value={s.days}
                  onChange={(_, d) => edit((x) => void (x.stages[i].days = d.value))}
                />
              </Field>
            </div>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>
            <Text weight="semibold">{text.tiers}</Text>
          </legend>
          {draft.tiers.map((t, i) => (
            <Field
              key={`${t.tier}-${i}`}
              label={`${t.tier}: ${header("Tiers", "followUpDays")}`}
              validationMessage={error(`tiers.${i}.followUpDays`)}
            >
              <Input inputMode="numeric" value={t.followUpDays} onChange={(_, d) => edit((x) => void (x.tiers[i].followUpDays = d.value))} />
            </Field>
          ))}
        </fieldset>
        <fieldset className={styles.group}>
          <legend>
            <Text weight="semibold">{text.team}</Text>
          </legend>
          {draft.team.map((m, i) => (
            <div key={i} className={styles.member}>
              {(["name", "email", "role"] as const).map((key) => (
                <Field
                  className={styles.cell}
                  key={key}
                  label={header("Team", key)}
                  validationMessage={error(`team.${i}.${key}`)}
                  required={key === "name"}
                >
                  <Input
                    className={styles.input}
                    type={key === "email" ? "email" : "text"}
                    value={m[key]}
                    onChange={(_, d) => edit((x) => void (x.team[i][key] = d.value))}
                  />
                </Field>
              ))}
            </div>
          ))}
          <div>
            <Button onClick={() => edit((x) => void x.team.push({ name: "", email: "", role: "" }))}>{text.addMember}</Button>
          </div>
        </fieldset>
        <div>
          <Button appearance="primary" type="submit" disabled={save.running}>
            {save.running ? text.saving : text.save}
          </Button>
        </div>
        {save.result === "invalid" && <ErrorBar error={new Error(text.invalid)} language={language} />}
        {save.error !== undefined && <ErrorBar error={save.error} language={language} />}
        {save.result === "saved" && <Note intent="success">{text.saved}</Note>}
      </form>
    </Panel>
  );
}
