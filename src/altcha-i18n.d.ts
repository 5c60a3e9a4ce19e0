// altcha ships its French strings without typings: importing the module registers them.
declare module 'altcha/i18n/fr-fr';
