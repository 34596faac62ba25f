// Only the WebSocket constructor is used (as the provider's WebSocket for Node 20, which has
// no global WebSocket); @types/ws is not installed.
declare module 'ws' {
  const WebSocket: unknown;
  export default WebSocket;
}
