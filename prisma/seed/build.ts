// Builds the whole seed in memory, deterministically: facts first, then the sample layer.
import { addAccreditations } from './accreditation';
import { emptySeedData, type SeedData } from './data';
import { addSamplePlaces } from './sample';
import { addSampleProjects } from './sample-projects';
import { addFactPlaces, addSampleSource } from './facts';
import { addFactProjects } from './facts-projects';
import { addIncomes } from './incomes';
import { addSampleLocations } from './locations';
import { addOutcomes } from './outcomes';
import { createRng } from './random';
import { addPioneers } from './pioneers';
import { addCommitments } from './scorecard';
import { addTasks } from './tasks';
import { addFactCooperatives, addSampleCooperatives } from './cooperatives';
import { addUpdates } from './updates';

/** `sample: false` builds the facts layer alone (what the source report states), for tests and a facts-only install. */
export function buildSeedData({ sample = true }: { sample?: boolean } = {}): SeedData {
  const data = emptySeedData();
  addFactPlaces(data);
  addFactProjects(data);
  addFactCooperatives(data);
  if (!sample) return data;
  addSampleSource(data);
  addSamplePlaces(data);
  addSampleLocations(data);
  addIncomes(data);
  const schedules = addSampleProjects(data);
  addUpdates(data, schedules, createRng(0x5eed_0b04));
  addOutcomes(data, createRng(0x5eed_0b05));
  addAccreditations(data, createRng(0x5eed_0b06));
  addCommitments(data, createRng(0x5eed_0b07));
  addPioneers(data, createRng(0x5eed_0b08));
  addTasks(data, createRng(0x5eed_0b09));
  addSampleCooperatives(data, createRng(0x5eed_0b0a));
  return data;
}
