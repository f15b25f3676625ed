import { describe, expect, it } from 'vitest';
import { configureRedis, newRedisServer, rawReply, redisCommand, redisSend, splitRedisLine, ttyReply } from './redis';

describe('a container redis server and how redis-cli prints its replies', () => {
  it('CONFIG GET shows the defaults until a configuration file changes them', () => {
    const fresh = newRedisServer();
    expect(ttyReply(redisCommand(['CONFIG', 'GET', 'maxmemory'], fresh))).toBe('1) "maxmemory"\n2) "0"\n');
    const configured = newRedisServer();
    configureRedis(['/redis-master/redis.conf'], new Map([['/redis-master/redis.conf', 'maxmemory 2mb\nmaxmemory-policy allkeys-lru\n']]), configured);
    expect(ttyReply(redisCommand(['config', 'get', 'maxmemory-policy'], configured))).toBe('1) "maxmemory-policy"\n2) "allkeys-lru"\n');
    expect(rawReply(redisCommand(['CONFIG', 'GET', 'maxmemory'], configured))).toBe('maxmemory\n2097152\n');
  });

  it('reads memory sizes as redis does: mb is 1024², m is 1000²', () => {
    const s = newRedisServer();
    configureRedis(['--maxmemory', '2m'], new Map(), s);
    expect(s.config.get('maxmemory')).toBe('2000000');
    expect(redisCommand(['CONFIG', 'SET', 'maxmemory', '1kb'], s)).toEqual({ t: 'status', s: 'OK' });
    expect(s.config.get('maxmemory')).toBe('1024');
    expect(redisCommand(['CONFIG', 'SET', 'maxmemory-policy', 'sometimes'], s).t).toBe('error');
  });

  it('CONFIG GET takes globs and lists matches by name', () => {
    const r = redisCommand(['CONFIG', 'GET', 'maxmemory*'], newRedisServer());
    expect(rawReply(r)).toBe('maxmemory\n0\nmaxmemory-policy\nnoeviction\nmaxmemory-samples\n5\n');
  });

  it('prints on a terminal as redis-cli does: quoted strings, (integer), (nil), (error), numbered items, (empty array)', () => {
    const s = newRedisServer();
    expect(ttyReply(redisCommand(['SET', 'k', 'a "b"'], s))).toBe('OK\n');
    expect(ttyReply(redisCommand(['GET', 'k'], s))).toBe('"a \\"b\\""\n');
    expect(ttyReply(redisCommand(['INCR', 'n'], s))).toBe('(integer) 1\n');
    expect(ttyReply(redisCommand(['GET', 'none'], s))).toBe('(nil)\n');
    expect(ttyReply(redisCommand(['KEYS', 'x*'], s))).toBe('(empty array)\n');
    expect(ttyReply(redisCommand(['HGETALL', 'h'], s))).toBe("(error) ERR unknown command 'HGETALL', with args beginning with: 'h' \n");
    for (let i = 0; i < 10; i++) redisCommand(['SET', `key${i}`, 'v'], s);
    expect(ttyReply(redisCommand(['KEYS', 'key*'], s)).split('\n').slice(8, 10)).toEqual([' 9) "key8"', '10) "key9"']);
  });

  it('a replica answers reads with what it copied from its leader and refuses every write', () => {
    const leader = newRedisServer();
    const replica = newRedisServer();
    const target = { server: replica, replica: true, refresh: () => (replica.keys = new Map(leader.keys)) };
    redisCommand(['set', 'guestbook', ',hi'], leader);
    expect(redisSend(['get', 'guestbook'], target)).toEqual({ t: 'bulk', s: ',hi' });
    for (const write of [['set', 'k', 'v'], ['del', 'k'], ['incr', 'n'], ['append', 'k', 'v'], ['flushall']]) {
      expect(redisSend(write, target)).toEqual({ t: 'error', s: "READONLY You can't write against a read only replica." });
    }
    expect(redisSend(['dbsize'], target)).toEqual({ t: 'int', n: 1 });
  });

  it('splits a typed line as redis-cli does, quotes keeping words together', () => {
    expect(splitRedisLine('set greeting "hello world"')).toEqual(['set', 'greeting', 'hello world']);
    expect(splitRedisLine("set k 'it''s'")).toBeUndefined();
    expect(splitRedisLine('echo "a\\nb"')).toEqual(['echo', 'a\nb']);
    expect(splitRedisLine('echo "open')).toBeUndefined();
    expect(splitRedisLine('   ')).toEqual([]);
  });
});
