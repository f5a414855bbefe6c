import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('defaults match the embedded stack', () => {
    const c = loadConfig({});
    expect(c.temporal.address).toBe('127.0.0.1:7233');
    expect(c.nats.url).toBe('nats://127.0.0.1:4222');
    expect(c.mongo).toMatchObject({ uri: 'mongodb://127.0.0.1:27017/', external: false, db: 'duban' });
    expect(c.http.port).toBe(3000);
  });

  it('an external MONGODB_URI means no FerretDB', () => {
    const c = loadConfig({ MONGODB_URI: 'mongodb://db1,db2,db3/?replicaSet=rs0' });
    expect(c.mongo.external).toBe(true);
    expect(c.mongo.uri).toBe('mongodb://db1,db2,db3/?replicaSet=rs0');
  });

  it('names every variable with a wrong value', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', NATS_URL: 'http://localhost:4222', TEMPORAL_ADDRESS: '7233' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const variables = (caught as ConfigError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['NATS_URL', 'PORT', 'TEMPORAL_ADDRESS']);
    expect((caught as ConfigError).message).toContain('NATS_URL');
  });

  it('the cluster profile defaults to three NATS nodes and three stream replicas', () => {
    const c = loadConfig({ DUBAN_PROFILE: 'cluster' });
    expect(c.profile).toBe('cluster');
    expect(c.nats.urls).toEqual(['nats://127.0.0.1:4222', 'nats://127.0.0.1:4223', 'nats://127.0.0.1:4224']);
    expect(c.nats.streamReplicas).toBe(3);
    expect(loadConfig({}).nats).toMatchObject({ urls: ['nats://127.0.0.1:4222'], streamReplicas: 1 });
    expect(loadConfig({ NATS_URL: 'nats://a:1,nats://b:2' }).nats.urls).toEqual(['nats://a:1', 'nats://b:2']);
    expect(() => loadConfig({ NATS_URL: 'nats://a:1,' })).toThrow(/NATS_URL/);
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });
});

describe('gateway variables', () => {
  it('has no JWT secret unless JWT_SECRET is set: none is built in (issue 12, defect 4)', () => {
    expect(loadConfig({}).auth).toEqual({ jwtSecret: null });
    expect(loadConfig({ NODE_ENV: 'production' }).auth).toEqual({ jwtSecret: null });
  });

  it('takes a JWT_SECRET of at least 32 characters', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ JWT_SECRET: secret }).auth).toEqual({ jwtSecret: secret });
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses, in every environment, the secret earlier versions published in their source', () => {
    const published = 'duban-development-only-jwt-secret-do-not-deploy';
    expect(() => loadConfig({ JWT_SECRET: published })).toThrow(/JWT_SECRET.*published/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: published })).toThrow(/JWT_SECRET/);
  });

  it('reads ALERT_RED_ESCALATION_DAYS', () => {
    expect(loadConfig({ ALERT_RED_ESCALATION_DAYS: '45' }).alerts.redEscalationDays).toBe(45);
    expect(() => loadConfig({ ALERT_RED_ESCALATION_DAYS: '0' })).toThrow(/ALERT_RED_ESCALATION_DAYS/);
  });
});

describe('units file', () => {
  it('is the built-in catalog unless DUBAN_UNITS_FILE names a .json or .xlsx list', () => {
    expect(loadConfig({}).units).toEqual({ file: null });
    expect(loadConfig({ DUBAN_UNITS_FILE: '/etc/duban/units.xlsx' }).units).toEqual({
      file: '/etc/duban/units.xlsx',
    });
    expect(() => loadConfig({ DUBAN_UNITS_FILE: 'units.csv' })).toThrow(
      /DUBAN_UNITS_FILE: expected a \.json or \.xlsx file/,
    );
  });
});
