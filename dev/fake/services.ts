/** LockService, PropertiesService, Session and ScriptApp: small, in-memory, counted. */
import type { AuthMode, CallCounter } from './calls';

/** One mutex per lock kind (document, script, user), shared by every Lock object handed out. */
interface Mutex {
  holder: FakeLock | undefined;
}

export class FakeLock {
  readonly #calls: CallCounter;
  readonly #mutex: Mutex;

  constructor(calls: CallCounter, mutex: Mutex) {
    this.#calls = calls;
    this.#mutex = mutex;
  }

  tryLock(_timeoutInMillis: number): boolean {
    this.#calls.count('Lock.tryLock');
    if (this.#mutex.holder && this.#mutex.holder !== this) return false;
    this.#mutex.holder = this;
    return true;
  }

  /** Nothing else runs while we wait in one thread, so a held lock can only time out. */
  waitLock(_timeoutInMillis: number): void {
    this.#calls.count('Lock.waitLock');
    if (this.#mutex.holder && this.#mutex.holder !== this) {
      throw new Error('Lock timeout: another process was holding the lock for too long.');
    }
    this.#mutex.holder = this;
  }

  releaseLock(): void {
    this.#calls.count('Lock.releaseLock');
    if (this.#mutex.holder === this) this.#mutex.holder = undefined;
  }

  hasLock(): boolean {
    this.#calls.count('Lock.hasLock');
    return this.#mutex.holder === this;
  }
}

export class FakeLockService {
  readonly #calls: CallCounter;
  readonly #mutexes = {
    document: { holder: undefined },
    script: { holder: undefined },
    user: { holder: undefined },
  } as Record<'document' | 'script' | 'user', Mutex>;

  constructor(calls: CallCounter) {
    this.#calls = calls;
  }

  getDocumentLock(): FakeLock {
    this.#calls.count('LockService.getDocumentLock');
    return new FakeLock(this.#calls, this.#mutexes.document);
  }
  getScriptLock(): FakeLock {
    this.#calls.count('LockService.getScriptLock');
    return new FakeLock(this.#calls, this.#mutexes.script);
  }
  getUserLock(): FakeLock {
    this.#calls.count('LockService.getUserLock');
    return new FakeLock(this.#calls, this.#mutexes.user);
  }
}

/** A property store; values are strings, as in Apps Script. */
export class FakeProperties {
  readonly #calls: CallCounter;
  readonly #store: Map<string, string>;

  constructor(calls: CallCounter, store: Map<string, string>) {
    this.#calls = calls;
    this.#store = store;
  }

  getProperty(key: string): string | null {
    this.#calls.count('Properties.getProperty');
    return this.#store.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.#calls.count('Properties.setProperty');
    this.#store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.#calls.count('Properties.deleteProperty');
    this.#store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    this.#calls.count('Properties.getProperties');
    return Object.fromEntries(this.#store);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    this.#calls.count('Properties.setProperties');
    if (deleteAllOthers) this.#store.clear();
    for (const [k, v] of Object.entries(properties)) this.#store.set(k, String(v));
    return this;
  }
  getKeys(): string[] {
    this.#calls.count('Properties.getKeys');
    return [...this.#store.keys()];
  }
  deleteAllProperties(): FakeProperties {
    this.#calls.count('Properties.deleteAllProperties');
    this.#store.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly #calls: CallCounter;
  /** The stores themselves, readable by tests without counting. */
  readonly stores = {
    document: new Map<string, string>(),
    user: new Map<string, string>(),
    script: new Map<string, string>(),
  };

  constructor(calls: CallCounter) {
    this.#calls = calls;
  }

  getDocumentProperties(): FakeProperties {
    this.#calls.count('PropertiesService.getDocumentProperties');
    return new FakeProperties(this.#calls, this.stores.document);
  }
  getUserProperties(): FakeProperties {
    this.#calls.count('PropertiesService.getUserProperties');
    return new FakeProperties(this.#calls, this.stores.user);
  }
  getScriptProperties(): FakeProperties {
    this.#calls.count('PropertiesService.getScriptProperties');
    return new FakeProperties(this.#calls, this.stores.script);
  }
}

export class FakeUser {
  readonly #email: string;
  constructor(email: string) {
    this.#email = email;
  }
  getEmail(): string {
    return this.#email;
  }
}

export class FakeSession {
  readonly #calls: CallCounter;
  readonly #timeZone: () => string;
  readonly #user: FakeUser;

  constructor(calls: CallCounter, timeZone: () => string, email: string) {
    this.#calls = calls;
    this.#timeZone = timeZone;
    this.#user = new FakeUser(email);
  }

  getScriptTimeZone(): string {
    this.#calls.count('Session.getScriptTimeZone');
    return this.#timeZone();
  }
  getActiveUser(): FakeUser {
    this.#calls.count('Session.getActiveUser');
    return this.#user;
  }
  getEffectiveUser(): FakeUser {
    this.#calls.count('Session.getEffectiveUser');
    return this.#user;
  }
  getActiveUserLocale(): string {
    this.#calls.count('Session.getActiveUserLocale');
    return 'en';
  }
  getTemporaryActiveUserKey(): string {
    this.#calls.count('Session.getTemporaryActiveUserKey');
    return 'fake-user-key';
  }
}

export const AuthModeEnum: Record<AuthMode | 'CUSTOM_FUNCTION', string> = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
};

/** ScriptApp: only its AuthMode enum (compared against `e.authMode` in onOpen). */
export const FakeScriptApp = { AuthMode: AuthModeEnum };
