import { describe, expect, it } from 'vitest';
import { keepableText, MASK, maskSecrets } from '../../src/gaps/keep-text.js';

describe('maskSecrets', () => {
  it.each([
    ['slack bot token', 'why does xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp fail'],
    ['slack app token', 'my app token xapp-1-A0123ABCD-1234567890123-abcdef0123456789 is refused'],
    ['slack user token', 'xoxp-1234-5678-9012-abcdef0123456789abcdef'],
    ['AWS access key id', 'is AKIAIOSFODNN7EXAMPLE allowed to read s3'],
    ['AWS temporary key id', 'ASIAIOSFODNN7EXAMPLE expired'],
    ['GitHub token', 'ghp_0123456789abcdefghijABCDEFGHIJ012345 in codebuild'],
    ['GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['Stripe key', 'sk_live_0123456789abcdefABCDEF'],
    ['Google API key', 'AIzaSyA0123456789abcdefghijklmnopqrstuv'],
    ['JSON web token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1rwW'],
  ])('masks a %s', (_, question) => {
    const masked = maskSecrets(question);
    expect(masked).toContain(MASK);
    for (const word of question.split(' ').filter((word) => word.length >= 16))
      expect(masked).not.toContain(word);
  });

  it('masks a secret access key after "secret", and the value of a password or bearer token', () => {
    const key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(maskSecrets(`aws_secret_access_key = ${key} does not work`)).toBe(
      `aws_secret_access_key = ${MASK} does not work`,
    );
    expect(maskSecrets(`my secret is ${key}`)).toBe(`my secret is ${MASK}`);
    expect(maskSecrets('password: hunter2hunter2 for rds')).toBe(`password: ${MASK} for rds`);
    expect(maskSecrets('curl -H Authorization: Bearer abc.def-ghi_jkl0123456789')).toBe(
      `curl -H Authorization: Bearer ${MASK}`,
    );
  });

  it('masks a private key block, also one cut short', () => {
    const block = '-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA7 -----END RSA PRIVATE KEY-----';
    expect(maskSecrets(`why is ${block} refused`)).toBe(`why is ${MASK} refused`);
    expect(maskSecrets('-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA')).toBe(MASK);
  });

  it('leaves ordinary questions alone', () => {
    for (const question of [
      'what is the secret manager rotation period',
      'how do i pass a token to lambda',
      'ecs vs fargate for a 40 character service name',
      'AWS Secrets Manager vs Parameter Store',
    ])
      expect(maskSecrets(question)).toBe(question);
  });
});

describe('keepableText', () => {
  it('removes mentions and links, masks secrets and cuts to 500 characters', () => {
    expect(keepableText('<!channel> what is <https://evil.example|glue> for <@U123>')).toBe(
      'what is glue for',
    );
    expect(keepableText('token xoxb-1234567890-abcdefghij')).toBe(`token ${MASK}`);
    expect(keepableText('a'.repeat(800))).toHaveLength(500);
  });

  it('masks a secret even when the question is cut in the middle of it', () => {
    const text = `${'why '.repeat(123)}AKIAIOSFODNN7EXAMPLE`;
    expect(keepableText(text)).not.toMatch(/AKIA/);
  });
});
