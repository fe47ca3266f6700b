/**
 * The subset of Adaptive Cards 1.5 the bot uses, typed so a card cannot be built with an element
 * Teams does not render (no Table, no Media) or text that does not wrap.
 */
export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: 'default' | 'heading';
  readonly fontType?: 'Default' | 'Monospace';
  readonly id?: string;
}

/** A run of text shown exactly as given: never read as markdown (for what users wrote). */
export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly italic?: boolean;
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: Spacing;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
  readonly spacing?: Spacing;
}

export interface Image {
  readonly type: 'Image';
  readonly url: string;
  readonly altText: string;
  readonly size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
  /** An explicit width in pixels (then `size` is ignored). */
  readonly width?: `${number}px`;
  readonly horizontalAlignment?: 'Left' | 'Center' | 'Right';
  readonly spacing?: Spacing;
}

export interface Column {
  readonly type: 'Column';
  readonly width?: 'auto' | 'stretch' | string;
  readonly items: readonly Element[];
  readonly style?: ContainerStyle;
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface Container {
  readonly type: 'Container';
  readonly items: readonly Element[];
  readonly style?: ContainerStyle;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly Action[];
  readonly spacing?: Spacing;
}

export interface InputChoice {
  readonly title: string;
  readonly value: string;
}

export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly value?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface InputChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly choices: readonly InputChoice[];
  readonly style?: 'compact' | 'expanded';
  readonly value?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface InputToggle {
  readonly type: 'Input.Toggle';
  readonly id: string;
  readonly title: string;
  readonly label?: string;
  readonly value?: 'true' | 'false';
  readonly valueOn?: string;
  readonly valueOff?: string;
}

export type Input = InputText | InputChoiceSet | InputToggle;
export type Element = TextBlock | RichTextBlock | FactSet | Image | ColumnSet | Container | ActionSet | Input;

/** Action.Submit: only ever the fallback of a button, for clients without Universal Actions. */
export interface LegacySubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
}

/**
 * A button that submits data (every button but links). It is a Universal Action (Teams' recommended button): Teams sends an `adaptiveCard/action` invoke
 * and shows the card the bot returns. Clients without Universal Actions use the `fallback`.
 */
export interface SubmitAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string | number | boolean>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
  readonly fallback: LegacySubmitAction;
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

/**
 * Opens more of the same card under its button ("More"): nothing is sent to the bot. Chosen over
 * Action.ToggleVisibility because Web Chat reports that one as an unknown action; Teams, Web Chat
 * and the tab all show this one inline, with aria-expanded on the button.
 */
export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly Element[] };
}

export type Action = SubmitAction | LegacySubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly Element[];
  readonly actions?: readonly Action[];
  readonly fallbackText: string;
  readonly speak?: string;
}
