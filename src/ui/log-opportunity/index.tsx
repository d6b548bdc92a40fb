/**
 * Log opportunity sidebar: pick a customer, then one of their opportunities (or a new one); set the stage (the
 * probability follows it unless typed), the expected close and amount, the next step. The server records every
 * stage change in Stage history. Saving an opportunity as won offers to write its deal.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ActionButton,
  Message,
  SaveCloseButtons,
  RecordForm,
  submitRecord,
  SelectField,
  Sidebar,
  TextAreaField,
  TextField,
  formMessage,
  listChoices,
  mountSidebar,
  serverCall,
  useAction,
  useBoot,
  useForm,
  useI18n,
  type Option,
  fieldProps,
} from '../shared';
import { listLabel, listValueCode } from '../../../templates/lists';
import { CustomerPicker } from '../shared/customer-picker';
import { useCustomerList } from '../shared/use-customers';
import {
  EMPTY_OPPORTUNITY,
  OPPORTUNITY_FIELDS,
  makeOpportunityFormSchema,
  type OpportunityFormInput,
} from '../../core/opportunities/schema';
import type { CardOpportunity } from '../../core/opportunities/card';
import type { PipelineStage } from '../../core/opportunities/stages';

type Field = keyof OpportunityFormInput & string;

function valuesOf(opportunity: CardOpportunity, customerId: string): OpportunityFormInput {
  return {
    id: opportunity.id,
    customerId,
    source: opportunity.source,
    description: opportunity.description,
    stage: opportunity.stage,
    probability: opportunity.probability === '' ? '' : String(opportunity.probability),
    expectedClose: opportunity.expectedClose,
    amount: opportunity.amount === '' ? '' : String(opportunity.amount),
    currency: opportunity.currency,
    owner: opportunity.owner,
    nextStep: opportunity.nextStep,
    nextStepDate: opportunity.nextStepDate,
    reason: opportunity.reason,
  };
}

function LogOpportunity() {
  const { t, locale } = useI18n();
  const boot = useBoot();
  const schema = useMemo(() => makeOpportunityFormSchema(t, boot.lists), [t, boot.lists]);
  const defaultCurrency =
    (boot.lists.currency ?? []).find(
      (label) => listValueCode('currency', label) === listValueCode('currency', boot.currency),
    ) ?? boot.currency;
  const form = useForm(schema, { ...EMPTY_OPPORTUNITY, currency: defaultCurrency } as Record<Field, string>);
  const action = useAction();
  const loader = useAction();
  const deal = useAction();
  const { list } = useCustomerList(loader);
  const [pipeline, setPipeline] = useState<PipelineStage[]>([]);
  const [opportunities, setOpportunities] = useState<CardOpportunity[]>([]);
  const [customerOwner, setCustomerOwner] = useState('');
  /** True once the user typed a probability of their own: stage changes then leave it alone. */
  const [typed, setTyped] = useState(false);
  /** A won opportunity without a deal, just saved: the offer to write the deal. */
  const [wonOffer, setWonOffer] = useState<string>('');

  const stageOf = (label: string) => pipeline.find((stage) => stage.label === label);
  const fresh = (customerId: string, owner = customerOwner): Record<Field, string> => ({
    ...EMPTY_OPPORTUNITY,
    customerId,
    currency: defaultCurrency,
    stage: pipeline[0]?.label ?? '',
    probability: pipeline[0] ? String(pipeline[0].probability) : '',
    owner: boot.isManager ? owner : '',
  });

  const loadCustomer = async (customerId: string, selectId = '') => {
    const result = await loader.run(() => serverCall('apiOpportunityForm', { customerId }));
    if (!result) return;
    setPipeline(result.pipeline);
    setOpportunities(result.opportunities);
    setCustomerOwner(result.owner);
    const chosen = result.opportunities.find((opportunity) => opportunity.id === selectId);
    setTyped(false);
    if (chosen) form.reset(valuesOf(chosen, customerId) as Record<Field, string>);
    else
      form.reset({
        ...EMPTY_OPPORTUNITY,
        customerId,
        currency: defaultCurrency,
        stage: result.pipeline[0]?.label ?? '',
        probability: result.pipeline[0] ? String(result.pipeline[0].probability) : '',
        owner: boot.isManager ? result.owner : '',
      } as Record<Field, string>);
  };

  useEffect(() => {
    void serverCall('apiOpportunityForm', {}).then((result) => setPipeline(result.pipeline));
  }, []);
  // Opened on a customer's row: start with that customer picked (once, when the list arrives).
  useEffect(() => {
    if (list?.selectedId && form.values.customerId === '') void loadCustomer(list.selectedId);
  }, [list]);

  const bind = (field: Field) =>
    fieldProps(form, field, t(`opps.field.${field}`), OPPORTUNITY_FIELDS.get(field), locale);
  const options = (key: string) => listChoices(boot.lists, key, locale);
  // Stages as the workbook's Lists name them, shown in the user's language when they are the template's.
  const stageOptions: Option[] = pipeline.map((stage) => ({
    value: stage.label,
    label: `${listLabel('opportunityStage', stage.key, locale) ?? stage.label} (${stage.probability} %)`,
  }));
  const opportunityOptions: Option[] = opportunities.map((opportunity) => ({
    value: opportunity.id,
    label: [opportunity.id, opportunity.stage, opportunity.description]
      .filter(Boolean)
      .join(' · ')
      .slice(0, 80),
  }));
  const ownerOptions: Option[] = boot.reps.map((rep) => ({
    value: rep.email,
    label: `${rep.name} (${rep.email})`,
  }));
  const currentStage = stageOf(form.values.stage);

  const pickOpportunity = (id: string) => {
    setWonOffer('');
    setTyped(false);
    const chosen = opportunities.find((opportunity) => opportunity.id === id);
    form.reset(
      (chosen ? valuesOf(chosen, form.values.customerId) : fresh(form.values.customerId)) as Record<
        Field,
        string
      >,
    );
  };
  const setStage = (label: string) => {
    const stage = stageOf(label);
    form.setMany({
      stage: label,
      ...(stage && !typed ? { probability: String(stage.probability) } : {}),
    } as Partial<Record<Field, string>>);
    form.touch('stage');
  };
  const setProbability = (value: string) => {
    setTyped(value.trim() !== '');
    form.set('probability', value.trim() === '' && currentStage ? String(currentStage.probability) : value);
  };

  const save = async () => {
    setWonOffer('');
    const result = await submitRecord(form, action, t('forms.invalid'), () =>
      serverCall('apiSaveOpportunity', form.values),
    );
    if (!result) return;
    const lines = [
      t(result.created ? 'opps.saved.new' : 'opps.saved.updated', { id: result.id, name: result.name }),
      result.stageChanged ? t('opps.saved.stage', { stage: result.stage }) : '',
      result.won && result.dealId ? t('opps.won.hasDeal', { deal: result.dealId }) : '',
    ].filter(Boolean);
    action.setMessage({ kind: 'success', text: lines.join(' ') });
    await loadCustomer(form.values.customerId, result.id);
    if (result.won && !result.dealId) setWonOffer(result.id);
  };

  const createDeal = async () => {
    const result = await deal.run(() => serverCall('apiDealFromOpportunity', { id: wonOffer }));
    if (!result) return;
    if (result.status === 'refused') {
      deal.setMessage({ kind: 'error', text: result.message });
      return;
    }
    setWonOffer('');
    deal.setMessage({
      kind: 'success',
      text: t('opps.dealCreated', {
        deal: result.dealId,
        id: result.opportunityId,
        total: result.totalPurchases.toLocaleString(locale),
        tier: result.tier || t('forms.none'),
      }),
    });
  };

  return (
    <Sidebar
      title={t('opps.title')}
      footer={<SaveCloseButtons busy={action.busy} onSave={() => void save()} />}
    >
      <Message message={formMessage(action.message, t('forms.invalid'), form.isValid) ?? loader.message} />
      {wonOffer ? (
        <div class="block" role="group" aria-labelledby="won-offer" data-testid="won-offer">
          <p id="won-offer">{t('opps.won.offer')}</p>
          <ActionButton kind="create" id="create-deal" busy={deal.busy} onClick={() => void createDeal()}>
            {t('opps.createDeal')}
          </ActionButton>
        </div>
      ) : null}
      <Message message={deal.message} />
      <RecordForm onSave={() => void save()}>
        <CustomerPicker
          list={list}
          loading={loader.busy}
          value={form.values.customerId}
          error={form.errors.customerId}
          onPick={(customer) => {
            setWonOffer('');
            if (customer) void loadCustomer(customer.id);
            else form.reset(fresh('') as Record<Field, string>);
          }}
        />
        <SelectField
          id="id"
          label={t('opps.pick')}
          value={form.values.id}
          onValue={pickOpportunity}
          options={opportunityOptions}
          emptyLabel={t('opps.new')}
          hint={t('opps.pickHint')}
          error={form.errors.id}
          disabled={form.values.customerId === ''}
        />
        <TextAreaField {...bind('description')} />
        <SelectField
          {...bind('stage')}
          onValue={setStage}
          options={stageOptions}
          emptyLabel={t('ui.choose')}
        />
        <TextField
          {...bind('probability')}
          onValue={setProbability}
          hint={
            currentStage
              ? t(typed ? 'opps.probability.typed' : 'opps.probability.follows', {
                  probability: currentStage.probability,
                })
              : undefined
          }
        />
        <TextField {...bind('expectedClose')} type="date" />
        <TextField {...bind('amount')} />
        <SelectField {...bind('currency')} options={options('currency')} emptyLabel={t('ui.choose')} />
        <SelectField {...bind('source')} options={options('source')} emptyLabel={t('ui.choose')} />
        {boot.isManager ? (
          <SelectField {...bind('owner')} options={ownerOptions} emptyLabel={t('ui.choose')} />
        ) : (
          <p class="secondary" data-testid="owner-you">
            {t('opps.field.owner')}: {t('opps.owner.you', { email: boot.user })}
          </p>
        )}
        <TextField {...bind('nextStep')} />
        <TextField {...bind('nextStepDate')} type="date" />
        {currentStage?.closed ? <TextAreaField {...bind('reason')} /> : null}
      </RecordForm>
    </Sidebar>
  );
}

void mountSidebar(() => <LogOpportunity />, { titleKey: 'opps.title' });
