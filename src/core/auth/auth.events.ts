declare module '../events/events.types.js' {
  interface DomainEvents {
    /** An API key stopped working: every instance closes the live connections (MQTT) it opened. */
    'apikeys.revoked': { apiKeyId: string };
  }
}

export {};
