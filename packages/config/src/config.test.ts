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

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });
});
