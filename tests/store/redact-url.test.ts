import { describe, expect, it } from 'vitest';
import { describePostgresTarget, redactUrl } from '../../src/store/redact-url.js';

describe('redactUrl', () => {
  it('hides the password and keeps everything else', () => {
    expect(redactUrl('postgres://tutor:s3cret@db.internal:6543/aws_tutor?sslmode=require')).toBe(
      'postgres://tutor:***@db.internal:6543/aws_tutor?sslmode=require',
    );
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
    expect(redactUrl('postgresql:///test?host=/var/run/postgresql')).toBe(
      'postgresql:///test?host=/var/run/postgresql',
    );
  });

  it('hides passwords with reserved characters, however they are written', () => {
    expect(redactUrl('postgres://tutor:p%40ss%2Fw@db:5432/x')).toBe('postgres://tutor:***@db:5432/x');
    expect(redactUrl('postgres://tutor:p@ss@db:5432/x')).toBe('postgres://tutor:***@db:5432/x');
    // An unencoded "/" ends the authority early: not a URL any more, and none of it is shown.
    expect(redactUrl('postgres://tutor:p@ss:w/rd@db:5432/x')).not.toMatch(/p@ss|w\/rd/);
  });

  it('hides password-like query parameters', () => {
    const shown = redactUrl('postgres://db/x?password=hunter2&sslpassword=k3y&application_name=tutor');
    expect(shown).not.toMatch(/hunter2|k3y/);
    expect(shown).toContain('application_name=tutor');
  });

  it('shows nothing of a value that is not a URL', () => {
    expect(redactUrl('tutor:s3cret@db:5432')).not.toContain('s3cret');
    expect(redactUrl('not a url with s3cret')).not.toContain('s3cret');
    expect(redactUrl('')).not.toContain('s3cret');
  });
});

describe('describePostgresTarget', () => {
  it('is host:port/database, with the defaults filled in', () => {
    expect(describePostgresTarget('postgres://tutor:s3cret@db.internal:6543/aws_tutor')).toBe(
      'db.internal:6543/aws_tutor',
    );
    expect(describePostgresTarget('postgres://tutor:s3cret@db/aws_tutor')).toBe('db:5432/aws_tutor');
    expect(describePostgresTarget('postgresql:///test?host=/var/run/postgresql')).toBe(
      '/var/run/postgresql:5432/test',
    );
  });
});
