import { AppError } from '../../shared/api/result';
import { FREE_PIN_TRIES } from '../../shared/domain/pin';

/**
 * Wrong PINs in a row per person, kept in memory (the PC's keyboard is the only way in;
 * a restart is slower than the wait). The first FREE_PIN_TRIES are answered at once;
 * after that each try must wait 30 s after the last wrong one, doubling with each further
 * wrong PIN up to 15 min. A 4-digit PIN then takes days to find by hand. A right PIN resets it.
 */
export class PinTries {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(private readonly now: () => number) {}

  /** Refuses a try (even a right PIN) while the person's wait runs. */
  requireMayTry(staffId: string): void {
    const wait = this.secondsLeft(staffId);
    if (wait > 0) {
      throw new AppError('PIN_WAIT', `Đã nhập sai mã PIN nhiều lần. Hãy đợi ${wait} giây rồi thử lại.`, 'pin').says('pin.wait', { seconds: wait });
    }
  }

  failed(staffId: string): void {
    const count = (this.failures.get(staffId)?.count ?? 0) + 1;
    this.failures.set(staffId, { count, lastAt: this.now() });
  }

  succeeded(staffId: string): void {
    this.failures.delete(staffId);
  }

  private secondsLeft(staffId: string): number {
    const failure = this.failures.get(staffId);
    if (!failure || failure.count < FREE_PIN_TRIES) return 0;
    const delay = Math.min(30 * 2 ** (failure.count - FREE_PIN_TRIES), 15 * 60) * 1000;
    return Math.max(0, Math.ceil((failure.lastAt + delay - this.now()) / 1000));
  }
}
