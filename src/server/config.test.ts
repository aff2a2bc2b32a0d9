import { describe, expect, it } from 'vitest';
import { DEMO_CITY_SHARE_OF_LIFE_SIZE, loadConfig } from './config.js';

describe('the demo city’s size', () => {
  it('is the small demo city at GONGHUI_DEMO_SCALE=1 (the default) and life size at 20', () => {
    expect(loadConfig({}).demoScale).toBe(DEMO_CITY_SHARE_OF_LIFE_SIZE);
    expect(loadConfig({ GONGHUI_DEMO_SCALE: '1' }).demoScale).toBe(DEMO_CITY_SHARE_OF_LIFE_SIZE);
    expect(loadConfig({ GONGHUI_DEMO_SCALE: '20' }).demoScale).toBeCloseTo(1);
    expect(DEMO_CITY_SHARE_OF_LIFE_SIZE).toBeLessThan(0.1);
  });
});
