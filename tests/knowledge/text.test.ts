import { describe, expect, it } from 'vitest';
import {
  expandsAcronym,
  foldCase,
  looksLikeAcronym,
  phraseKey,
  slug,
  stem,
  words,
} from '../../src/knowledge/text.js';

describe('text helpers', () => {
  it('splits into lowercase words, folding accents and apostrophes', () => {
    expect(words("Don't use Café-Servers, OK?")).toEqual(['dont', 'use', 'cafe', 'servers', 'ok']);
    expect(foldCase('Ünïcödé')).toBe('unicode');
    expect(words('🚀 !!! ---')).toEqual([]);
  });

  it('makes slugs and phrase keys from names', () => {
    expect(slug('API Gateway')).toBe('api-gateway');
    expect(slug('🚀')).toBe('topic');
    expect(phraseKey('Amazon API-Gateway')).toBe('amazon api gateway');
  });

  it('gives a name the same key however often it is asked, and each name its own', () => {
    for (let round = 0; round < 3; round++) {
      expect(phraseKey('Amazon API-Gateway')).toBe('amazon api gateway');
      expect(phraseKey("Don't Repeat")).toBe('dont repeat');
      expect(phraseKey('  ')).toBe('');
    }
  });

  it('stems words but keeps tokens with digits whole', () => {
    expect(stem('containers')).toBe(stem('container'));
    expect(stem('ec2')).toBe('ec2');
    expect(stem('k8s')).toBe('k8s');
  });

  it("keeps apart words Porter's stemmer runs together, and their own forms together", () => {
    expect(stem('important')).not.toBe(stem('import'));
    expect(stem('importance')).toBe(stem('important'));
    expect(stem('several')).not.toBe(stem('severity'));
    expect(stem('experience')).not.toBe(stem('experiment'));
    expect(stem('experienced')).toBe(stem('experience'));
    expect(stem('news')).not.toBe(stem('new'));
    expect(stem('toppings')).not.toBe(stem('top'));
    // Production is where the app runs for real, no product.
    expect(stem('production')).not.toBe(stem('product'));
    expect(stem('productions')).toBe(stem('production'));
  });

  it('tells acronyms from other words', () => {
    expect(looksLikeAcronym('ECS')).toBe(true);
    expect(looksLikeAcronym('k8s')).toBe(true);
    expect(looksLikeAcronym('Elastic Container Service')).toBe(false);
  });

  it('recognises expansions of acronyms, ignoring connectives and vendor words', () => {
    expect(expandsAcronym('ECS', 'Elastic container service')).toBe(true);
    expect(expandsAcronym('EC2', 'Elastic Compute Cloud')).toBe(true);
    expect(expandsAcronym('S3', 'Simple Storage Service')).toBe(true);
    expect(expandsAcronym('EKS', 'Amazon Elastic Kubernetes Service')).toBe(true);
    expect(expandsAcronym('IAM', 'Identity and Access Management')).toBe(true);
    expect(expandsAcronym('Fargate', 'serverless')).toBe(false);
    expect(expandsAcronym('ECS', 'serverless')).toBe(false);
    expect(expandsAcronym('ECS', 'Elastic Kubernetes Service')).toBe(false);
    // `X` stands for `cross`, as in cross-site scripting.
    expect(expandsAcronym('XSS', 'cross-site scripting')).toBe(true);
    expect(expandsAcronym('XSRF', 'cross-site request forgery')).toBe(true);
    expect(expandsAcronym('XSS', 'cross-site request')).toBe(false);
  });
});
