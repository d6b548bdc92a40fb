/**
 * The opportunity pipeline: stages in the order of the Lists sheet's *Opportunity stage* column, each with the
 * default probability standing beside it in *Stage probability (%)* (row for row; managers edit both). A stage is
 * known by its catalogue code when it is one of the template's (so 洽谈中 and Negotiating are the same stage), else
 * by its normalised label (a team's own stage). Won and lost close an opportunity. Pure.
 */
import { listLabel, listValueCode, type Language } from '../../../templates/lists';
import { CLOSED_STAGES, DEFAULT_STAGE_PROBABILITIES } from '../../../templates/opportunities';
import { cellAmount } from '../cells';
import { normaliseHeader } from '../table';

export interface PipelineStage {
  /** Stable key: the catalogue code, else the normalised label. */
  key: string;
  /** The label as the workbook's Lists shows it. */
  label: string;
  /** Default probability in percent (0–100). */
  probability: number;
  /** 'won' | 'lost' for closing stages, '' for open ones. */
  closed: '' | 'won' | 'lost';
}

export interface Pipeline {
  stages: PipelineStage[];
}

/** The key of a stage label: its catalogue code, else its normalised text ('' for blank). */
export function stageKey(label: unknown): string {
  const text = String(label ?? '').trim();
  if (text === '') return '';
  return listValueCode('opportunityStage', text) ?? normaliseHeader(text);
}

function closedOf(key: string): PipelineStage['closed'] {
  if (key === CLOSED_STAGES.won) return 'won';
  if (key === CLOSED_STAGES.lost) return 'lost';
  return '';
}

function defaultProbability(key: string): number {
  return DEFAULT_STAGE_PROBABILITIES.find((stage) => stage.code === key)?.probability ?? 0;
}

function percent(value: unknown): number | null {
  const number = cellAmount(typeof value === 'string' ? value.replace(/[%％]/g, '') : value);
  if (number === null) return null;
  // A percentage cell (0.3 shown as 30 %) holds a fraction; below 1 % nobody means it.
  const scaled = number > 0 && number < 1 ? number * 100 : number;
  return Math.min(100, Math.max(0, scaled));
}

/**
 * The pipeline from the Lists sheet's two columns as read (cells row for row, blanks kept so pairs stay aligned).
 * Without a stage column (an older workbook) the template's stages in `language` are used.
 */
export function pipelineFromColumns(
  stageCells: readonly unknown[] | undefined,
  probabilityCells: readonly unknown[] | undefined,
  language: Language = 'en',
): Pipeline {
  const stages: PipelineStage[] = [];
  const seen = new Set<string>();
  const cells = stageCells ?? [];
  cells.forEach((cell, index) => {
    const key = stageKey(cell);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    const typed = percent(probabilityCells?.[index]);
    stages.push({
      key,
      label: String(cell).trim(),
      probability: typed ?? defaultProbability(key),
      closed: closedOf(key),
    });
  });
  if (stages.length === 0) return defaultPipeline(language);
  return { stages };
}

/** The template's pipeline, labels in `language`. */
export function defaultPipeline(language: Language = 'en'): Pipeline {
  return {
    stages: DEFAULT_STAGE_PROBABILITIES.map((stage) => ({
      key: stage.code,
      label: listLabel('opportunityStage', stage.code, language) ?? stage.code,
      probability: stage.probability,
      closed: closedOf(stage.code),
    })),
  };
}

/** The pipeline stage a cell names (by key), or undefined for blank or a stage not in the pipeline. */
export function findStage(pipeline: Pipeline, label: unknown): PipelineStage | undefined {
  const key = stageKey(label);
  return key === '' ? undefined : pipeline.stages.find((stage) => stage.key === key);
}

/** 'won' | 'lost' | '' of a stage cell, known stages or not. */
export function closedState(pipeline: Pipeline, label: unknown): PipelineStage['closed'] {
  return findStage(pipeline, label)?.closed ?? closedOf(stageKey(label));
}

/** A probability cell as a percentage 0–100, or null when blank or not a number. */
export function probabilityOf(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  return percent(value);
}

/**
 * The probability to store after a stage change: it follows the stage unless someone typed their own. A value
 * counts as typed when it differs from the previous stage's default (a blank cell always follows).
 * @returns the new probability, or null to leave the cell as it is.
 */
export function followedProbability(
  pipeline: Pipeline,
  previousStage: unknown,
  nextStage: unknown,
  current: unknown,
): number | null {
  const next = findStage(pipeline, nextStage);
  if (!next) return null;
  const typed = probabilityOf(current);
  if (typed === null) return next.probability;
  const previous = findStage(pipeline, previousStage);
  if (previous && typed === previous.probability) return next.probability;
  // Closing stages settle the question whatever was typed: won is certain, lost is nothing.
  if (next.closed === 'won') return 100;
  if (next.closed === 'lost') return 0;
  return null;
}
