// Playing actors by hand: the game session, what an actor knows, the commands it types, saves.
export type { GameSetup, HumanDecision, Turn } from './game.js';
export { PlayError, PlayGame, resolveHumans } from './game.js';
export { accusationsAgainst, describeTurn, requestLine, turnHeading, validationWorld } from './knowledge.js';
export type { Command, LegalOption, ParsedCommand } from './commands.js';
export { actionCommand, commandForms, commandWords, legalOptions, parseCommand, termsToken } from './commands.js';
export type { ResumeOptions, SavedGame } from './save.js';
export { logHash, resumeGame, saveGame } from './save.js';
export type { PlayText } from '../text/play.en.js';
export { PLAY_EN } from '../text/play.en.js';
