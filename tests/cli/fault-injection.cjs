// Preloaded (node --require) into a real `parcours` process by the atomic-save tests: makes the
// first file write stream a command opens fail halfway, the way a full disk or Ctrl-C does.
// PARCOURS_TEST_FAULT=enospc: the stream errors with ENOSPC after its first chunk reached the disk;
// PARCOURS_TEST_FAULT=kill: the process is killed (SIGKILL) at that moment;
// PARCOURS_TEST_FAULT=interrupt: it receives SIGINT (Ctrl-C) then, and the write never completes.
const fs = require('node:fs');

const fault = process.env.PARCOURS_TEST_FAULT;
const createWriteStream = fs.createWriteStream;
let armed = true;
fs.createWriteStream = function faultyWriteStream(path, options) {
  const stream = createWriteStream.call(this, path, options);
  if (!armed) return stream;
  armed = false;
  const afterFirstChunk = (callback) => (error) => {
    if (error) return callback(error);
    fs.fsyncSync(stream.fd);
    if (fault === 'kill') process.kill(process.pid, 'SIGKILL');
    if (fault === 'interrupt') return void process.kill(process.pid, 'SIGINT');
    callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
  };
  const write = stream._write.bind(stream);
  stream._write = (chunk, encoding, callback) => write(chunk, encoding, afterFirstChunk(callback));
  if (stream._writev) {
    const writev = stream._writev.bind(stream);
    stream._writev = (chunks, callback) => writev(chunks, afterFirstChunk(callback));
  }
  return stream;
};
