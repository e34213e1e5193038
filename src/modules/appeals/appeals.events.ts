declare module '../../core/events/events.types.js' {
  interface DomainEvents {
    'appeals.screened': {
      appealId: string;
      region: string;
      labels: string[];
      riskLevel: string;
      modelVersion: string;
    };
  }
}

export {};
