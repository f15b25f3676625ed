import { describe, expect, it } from 'vitest';
import { imageTag } from './swarmServiceGlyph';

describe('imageTag (the tag a service chip shows)', () => {
  it('is the part after the last colon of the name, latest when there is none, without a digest', () => {
    expect(imageTag('postgres:15-alpine')).toBe('15-alpine');
    expect(imageTag('dockersamples/examplevotingapp_vote')).toBe('latest');
    expect(imageTag('localhost:5000/web')).toBe('latest');
    expect(imageTag('localhost:5000/web:1.2')).toBe('1.2');
    expect(imageTag('nginx:1.27@sha256:abc')).toBe('1.27');
  });
});
