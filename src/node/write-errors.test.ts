import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchOutput, writeErrorMessage } from './write-errors.js';

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, syscall: 'write' });
}

describe('writeErrorMessage', () => {
  it('says nothing when the reader closed the pipe', () => {
    expect(writeErrorMessage(systemError('EPIPE', 'write EPIPE'))).toBeUndefined();
  });

  it('gives one line with the reason for any other write error', () => {
    expect(writeErrorMessage(systemError('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe(
      'tthc: cannot write output: no space left on device\n',
    );
    expect(writeErrorMessage(systemError('EIO', 'EIO: i/o error, write'))).toBe('tthc: cannot write output: i/o error\n');
    expect(writeErrorMessage('odd')).toBe('tthc: cannot write output: odd\n');
  });
});

describe('watchOutput', () => {
  function setup() {
    const stdout = new EventEmitter();
    const written: string[] = [];
    const stderr = Object.assign(new EventEmitter(), { write: (chunk: string) => written.push(chunk) });
    const codes: number[] = [];
    const exitCodeFor = watchOutput(stdout, stderr, (code) => codes.push(code));
    return { stdout, stderr, written, codes, exitCodeFor };
  }

  it('keeps the command exit code and prints nothing on EPIPE', () => {
    const { stdout, written, codes, exitCodeFor } = setup();
    stdout.emit('error', systemError('EPIPE', 'write EPIPE'));
    expect(written).toEqual([]);
    expect(codes).toEqual([]);
    expect(exitCodeFor(1)).toBe(1);
    expect(exitCodeFor(0)).toBe(0);
  });

  it('reports the first other error once and makes the exit code 1', () => {
    const { stdout, written, codes, exitCodeFor } = setup();
    stdout.emit('error', systemError('ENOSPC', 'ENOSPC: no space left on device, write'));
    stdout.emit('error', systemError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    expect(written).toEqual(['tthc: cannot write output: no space left on device\n']);
    expect(codes).toEqual([1]);
    expect(exitCodeFor(0)).toBe(1);
  });

  it('swallows errors of stderr itself', () => {
    const { stderr } = setup();
    expect(() => stderr.emit('error', systemError('EPIPE', 'write EPIPE'))).not.toThrow();
  });
});
