// Reads a Server-Sent Events stream with fetch(), because EventSource cannot send the bearer token.
// It does what EventSource does: parses events, remembers the last id, and on a dropped connection
// waits the server's retry delay and reconnects with Last-Event-ID so nothing is missed.

import {bearerToken} from './session.js';

/**
 * Opens {@code url} and calls onEvent({type, id, data}) for each event and onState(text) when the
 * connection opens, drops or fails. Answers a function that closes the stream for good.
 */
export function openStream(url, {lastEventId = null, onEvent, onState}) {
  const controller = new AbortController();
  let lastId = lastEventId;
  let retryMs = 3000;

  async function connect() {
    while (!controller.signal.aborted) {
      try {
        // each (re)connection sends the token of now: the provider's is renewed while the stream runs
        const headers = {Accept: 'text/event-stream', Authorization: `Bearer ${await bearerToken() ?? ''}`};
        if (lastId !== null) {
          headers['Last-Event-ID'] = lastId;
        }
        const response = await fetch(url, {headers, signal: controller.signal, cache: 'no-store'});
        if (!response.ok) {
          // a refused token or a bad request will not heal by reconnecting
          onState(`refused: HTTP ${response.status}`);
          return;
        }
        onState('live');
        await read(response.body.getReader());
        onState('reconnecting');
      } catch (failure) {
        if (controller.signal.aborted) {
          return;
        }
        onState('reconnecting');
      }
      await new Promise(resolve => setTimeout(resolve, retryMs));
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const {done, value} = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, {stream: true});
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        dispatch(block);
      }
    }
  }

  function dispatch(block) {
    let type = 'message';
    let id = null;
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'event') type = value;
      else if (name === 'data') data.push(value);
      else if (name === 'id') id = value;
      else if (name === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
    }
    if (id !== null) {
      lastId = id;
    }
    if (data.length > 0) {
      onEvent({type, id, data: data.join('\n')});
    }
  }

  connect();
  return () => controller.abort();
}
